package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.InvalidRowException;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records a skipped line and its reason for the import's report, in the chunk's transaction. */
@Named
@Dependent
public class BadLineRecorder implements SkipProcessListener {

  @Inject JobContext job;

  @Inject ImportLines lines;

  @Override
  public void onSkipProcessItem(Object item, Exception e) {
    if (!(e instanceof InvalidRowException bad)) {
      return;
    }
    long importId = ImportJob.importId(job);
    if (!lines.stored(importId, bad.line(), bad.line()).isEmpty()) {
      return;
    }
    lines.insertError(importId, bad.line(), bad.externalId(), bad.reason());
    lines.count(importId, 1, 1, 0, 0, 0, 0);
  }
}
