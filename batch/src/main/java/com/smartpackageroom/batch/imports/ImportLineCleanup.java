package com.smartpackageroom.batch.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Work on an import's lines in a transaction of its own (batchlets have none). */
@Stateless
public class ImportLineCleanup {

  @Inject ImportLines lines;

  public void forgetGoodLines(long importId) {
    lines.forgetGoodLines(importId);
  }

  /** The lines whose resident id an earlier line holds are refused, and counted as skipped. */
  public void refuseDuplicates(long importId) {
    long refused = lines.refuseDuplicates(importId);
    if (refused > 0) {
      lines.count(importId, 0, refused, 0, 0, 0, 0);
    }
  }
}
