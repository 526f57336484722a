package com.smartpackageroom.batch.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The deletion of an import's good lines, in a transaction of its own (batchlets have none). */
@Stateless
public class ImportLineCleanup {

  @Inject ImportLines lines;

  public void forgetGoodLines(long importId) {
    lines.forgetGoodLines(importId);
  }
}
