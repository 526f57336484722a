package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentRow;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The good lines not applied yet, in file order, a page at a time. Lines applied by a committed
 * chunk carry their outcome and are never read again, whatever the checkpoint says.
 */
@Named
@Dependent
public class PendingLineReader extends AbstractItemReader {

  static final int PAGE = 1000;

  @Inject JobContext job;

  @Inject ImportLines lines;

  private final Deque<ResidentRow> page = new ArrayDeque<>();
  private long lastLine;
  private long lastFetched;
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) {
    lastLine = checkpoint == null ? 0 : (Long) checkpoint;
    lastFetched = lastLine;
    page.clear();
    exhausted = false;
  }

  @Override
  public Object readItem() {
    if (page.isEmpty() && !exhausted) {
      var next = lines.pending(ImportJob.importId(job), lastFetched, PAGE);
      page.addAll(next);
      exhausted = next.size() < PAGE;
      if (!next.isEmpty()) {
        lastFetched = next.get(next.size() - 1).line();
      }
    }
    ResidentRow row = page.poll();
    if (row != null) {
      lastLine = row.line();
    }
    return row;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastLine;
  }
}
