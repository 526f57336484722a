package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportMode;
import com.smartpackageroom.domain.imports.MoveOutCheck;
import com.smartpackageroom.domain.imports.RecipientImport;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once the file is read (its lines of a resident id already on an earlier line refused as they were
 * stored), before anything changes: refuses a file that would move out more than
 * spr.import.max-move-out-share of the site's active residents, unless the import was forced.
 */
@Named
@Dependent
public class MoveOutSafeguard extends AbstractBatchlet {

  static final String SUSPICIOUS = "SUSPICIOUS";

  @Inject JobContext job;

  @Inject ImportLines lines;

  @EJB ImportRecords records;

  @EJB ImportLineCleanup lineWork;

  @Inject
  @ConfigProperty(name = "spr.import.max-move-out-share", defaultValue = "0.2")
  double maxShare;

  @Override
  public String process() {
    long importId = ImportJob.importId(job);
    RecipientImport imp = records.find(importId);
    if (imp.hasDone("check")) {
      return "CHECKED";
    }
    if (imp.getRuns() > 1) {
      // read (in part) by an earlier run, perhaps of an earlier version that refused a resident
      // id on two lines only here: refused now, if any is left
      lineWork.storedIds(importId, ImportJob.run(job), new IdHashes());
    }
    // the planner's figures for the lines just read, for the statements over all of them (none
    // to plan for when every line was unchanged: nothing was stored)
    if (imp.getRuns() > 1 || imp.getRead() > imp.getUnchanged()) {
      lineWork.analyze();
    }
    if (imp.isForced()) {
      return "CHECKED";
    }
    long[] figures =
        lines.moveOutFigures(importId, imp.getSiteId(), imp.getMode() == ImportMode.FULL);
    MoveOutCheck check = new MoveOutCheck(figures[0], figures[1], maxShare);
    if (check.isSuspicious()) {
      if (!records.failing(importId, ImportJob.run(job), check.explanation(importId))) {
        ImportListener.lost(job);
        throw new RunLost(importId, ImportJob.run(job));
      }
      return SUSPICIOUS;
    }
    return "CHECKED";
  }
}
