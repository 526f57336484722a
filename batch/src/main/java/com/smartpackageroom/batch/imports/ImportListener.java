package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportStatus;
import com.smartpackageroom.domain.imports.InvalidRowException;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the import's row in step with its job: started, why a step failed (in words for the
 * property manager; the details go to the server log), and how it ended.
 */
@Named
@Dependent
public class ImportListener implements JobListener, StepListener {

  private static final Logger LOG = Logger.getLogger(ImportListener.class.getName());

  @Inject JobContext job;

  @Inject StepContext step;

  @EJB ImportRecords records;

  @Override
  public void beforeJob() {
    records.running(ImportJob.importId(job));
  }

  @Override
  public void afterJob() {
    long importId = ImportJob.importId(job);
    BatchStatus status = job.getBatchStatus();
    boolean suspicious = MoveOutSafeguard.SUSPICIOUS.equals(job.getExitStatus());
    boolean failed = records.find(importId).getFailureReason() != null;
    ImportStatus outcome =
        suspicious || failed || status == BatchStatus.FAILED
            ? ImportStatus.FAILED
            : status == BatchStatus.STOPPED || status == BatchStatus.STOPPING
                ? ImportStatus.STOPPED
                : ImportStatus.COMPLETED;
    records.finished(
        importId,
        outcome,
        outcome == ImportStatus.FAILED ? "The import failed; see the server log" : null);
  }

  @Override
  public void beforeStep() {
    records.heartbeat(ImportJob.importId(job));
  }

  @Override
  public void afterStep() {
    Exception e = step.getException();
    long importId = ImportJob.importId(job);
    if (e == null) {
      BatchStatus status = step.getBatchStatus();
      if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
        return; // stopped half-way: a new run does the rest of the step
      }
      // a resumed run skips the step, unless it ended the import (a suspicious file)
      if (!MoveOutSafeguard.SUSPICIOUS.equals(step.getExitStatus())
          && records.find(importId).getFailureReason() == null) {
        records.stepDone(importId, step.getStepName());
      }
      return;
    }
    LOG.log(Level.WARNING, "Import " + importId + " failed in step " + step.getStepName(), e);
    records.failing(importId, describe(e));
  }

  private String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("SkipLimit") || t instanceof InvalidRowException) {
        return "Too many bad lines: more than spr.import.skip-limit lines could not be imported";
      }
      if (t instanceof IllegalStateException
          && t.getMessage() != null
          && t.getMessage().startsWith("The file")) {
        return t.getMessage();
      }
      if (t instanceof com.smartpackageroom.domain.shared.DomainException d) {
        return d.getMessage();
      }
    }
    return "The import stopped in its step " + step.getStepName() + "; see the server log";
  }
}
