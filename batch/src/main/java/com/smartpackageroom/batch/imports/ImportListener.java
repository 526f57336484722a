package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportStatus;
import com.smartpackageroom.domain.imports.InvalidRowException;
import jakarta.annotation.Resource;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;

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

  @Resource TransactionSynchronizationRegistry transactions;

  @Override
  public void beforeJob() {
    long importId = ImportJob.importId(job);
    endLeftoverTransaction(importId);
    if (!records.running(importId, ImportJob.run(job))) {
      lost(job);
    }
  }

  /**
   * A job starts on a pooled thread with no transaction. One left on the thread by an earlier task
   * would take in every transaction of the import's steps (nothing the import did would show or
   * last, and its own updates would wait on each other's locks): it is rolled back, and said.
   */
  private void endLeftoverTransaction(long importId) {
    int status = transactions.getTransactionStatus();
    if (status == Status.STATUS_NO_TRANSACTION) {
      return;
    }
    LOG.warning(
        () ->
            "Import "
                + importId
                + " found a transaction left on its thread (status "
                + status
                + "): rolled back before the import starts");
    try {
      // looked up when needed: a batch artifact's injection of it fails on this server
      ((UserTransaction) InitialContext.doLookup("java:comp/UserTransaction")).rollback();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "The transaction left on the thread could not be rolled back", e);
    }
  }

  /** What a run that lost its import leaves in its job's context. */
  private static final String LOST = "import-lost";

  /**
   * The run no longer has its import (it ended meanwhile, or another instance took it over): its
   * job ends without writing to the import's row, which is another run's now.
   */
  static void lost(JobContext job) {
    job.setTransientUserData(LOST);
  }

  private boolean isLost() {
    return LOST.equals(job.getTransientUserData());
  }

  @Override
  public void afterJob() {
    if (isLost()) {
      return;
    }
    long importId = ImportJob.importId(job);
    int run = ImportJob.run(job);
    BatchStatus status = job.getBatchStatus();
    boolean suspicious = MoveOutSafeguard.SUSPICIOUS.equals(job.getExitStatus());
    boolean failed = records.find(importId).getFailureReason() != null;
    ImportStatus outcome =
        suspicious || failed || status == BatchStatus.FAILED
            ? ImportStatus.FAILED
            : status == BatchStatus.STOPPED || status == BatchStatus.STOPPING
                ? ImportStatus.STOPPED
                : ImportStatus.COMPLETED;
    if (!records.finished(
        importId,
        run,
        outcome,
        outcome == ImportStatus.FAILED ? "The import failed; see the server log" : null)) {
      LOG.info(() -> ended(importId, run, " ended, a newer run has the import"));
    }
  }

  @Override
  public void beforeStep() {
    long importId = ImportJob.importId(job);
    int run = ImportJob.run(job);
    if (isLost() || !records.heartbeat(importId, run)) {
      // the step does not run: the job ends here, and nothing more is written to the row (a lost
      // run's clean-up, say, would delete the file the newer run reads)
      lost(job);
      throw new RunLost(importId, run);
    }
  }

  @Override
  public void afterStep() {
    long importId = ImportJob.importId(job);
    int run = ImportJob.run(job);
    if (isLost()) {
      LOG.info(
          () ->
              ended(
                  importId,
                  run,
                  ApplicationEnding.now()
                      ? " stopped, its application ends (the next deployment resumes the import)"
                      : " ended, a newer run has the import"));
      return;
    }
    Exception e = step.getException();
    boolean written;
    if (RunLost.in(e)) {
      // what this run did in the transaction that found it was rolled back
      written = false;
    } else if (e == null) {
      BatchStatus status = step.getBatchStatus();
      if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
        return; // stopped half-way: a new run does the rest of the step
      }
      // a resumed run skips the step, unless it ended the import (a suspicious file)
      written =
          MoveOutSafeguard.SUSPICIOUS.equals(step.getExitStatus())
              || records.find(importId).getFailureReason() != null
              || records.stepDone(importId, run, step.getStepName());
    } else {
      LOG.log(Level.WARNING, "Import " + importId + " failed in step " + step.getStepName(), e);
      written = records.failing(importId, run, describe(e));
    }
    if (!written) {
      // the rest is the newer run's to do (or the import ended): the next step does not start
      lost(job);
      LOG.info(
          () ->
              ended(
                  importId,
                  run,
                  " ended in step " + step.getStepName() + ", a newer run has the import"));
    }
  }

  /** What the log says of a run that ends without a word to the import's row. */
  private static String ended(long importId, int run, String how) {
    return "Import " + importId + ": run " + run + how;
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
