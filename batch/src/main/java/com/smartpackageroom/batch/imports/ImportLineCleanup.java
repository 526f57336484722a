package com.smartpackageroom.batch.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Work on an import's lines in a transaction of its own (batchlets have none). */
@Stateless
public class ImportLineCleanup {

  @Inject ImportLines lines;

  /**
   * Stores the next lines of the file (see {@link ImportLines#stage}) and counts them, in one
   * transaction: a run resumed after a stop reads the file on after the last line stored.
   */
  public void stage(
      long importId, LineFile file, int maxLines, long until, java.util.concurrent.Executor work) {
    long[] stored = lines.stage(importId, file, maxLines, until, work);
    if (stored[0] > 0) {
      lines.count(importId, stored[0], stored[1], 0, 0, 0, 0);
    }
  }

  public void forgetGoodLines(long importId) {
    lines.forgetGoodLines(importId);
  }

  /** The lines whose resident id an earlier line holds are refused, and counted as skipped. */
  public void refuseDuplicates(long importId) {
    // the planner's figures for the lines just loaded (autovacuum may be off, or a minute late)
    lines.analyze();
    long refused = lines.refuseDuplicates(importId);
    if (refused > 0) {
      lines.count(importId, 0, refused, 0, 0, 0, 0);
    }
  }
}
