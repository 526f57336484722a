package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.RecipientImport;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * After a completed import: the file and its good lines go; the refused lines stay for the report.
 */
@Named
@Dependent
public class ImportCleanup extends AbstractBatchlet {

  @Inject JobContext job;

  @EJB ImportRecords records;

  @EJB ImportLineCleanup cleanup;

  @Inject ImportFiles files;

  @Override
  public String process() {
    long importId = ImportJob.importId(job);
    RecipientImport imp = records.find(importId);
    // a run that lost its import deletes nothing (RunLost): the newer run may still need them
    cleanup.forgetGoodLines(importId, ImportJob.run(job));
    files.delete(imp);
    return "CLEANED";
  }
}
