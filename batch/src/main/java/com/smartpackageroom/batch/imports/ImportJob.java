package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.batch.runtime.context.JobContext;

/** What every part of the import job needs to know about the run it belongs to. */
final class ImportJob {

  private ImportJob() {}

  static long importId(JobContext job) {
    return Long.parseLong(job.getProperties().getProperty("importId"));
  }

  /**
   * The import's count of runs when this run was launched (each new run, restarted or resumed,
   * counts one more), or 0 for a run launched without it.
   */
  static int run(JobContext job) {
    String run = job.getProperties().getProperty("run");
    return run == null || run.isBlank() ? 0 : Integer.parseInt(run.strip());
  }

  /** Who the audit log names for what the import does. */
  static Caller caller(long importId) {
    return Caller.system("import:" + importId);
  }

  /** The layout of the run's file; a site mapping deleted since the upload fails the run. */
  static ImportLayout layout(ImportMappings mappings, RecipientImport imp) {
    return mappings
        .layout(imp.getSiteId(), imp.getLayout())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The column mapping " + imp.getLayout() + " no longer exists at the site"));
  }
}
