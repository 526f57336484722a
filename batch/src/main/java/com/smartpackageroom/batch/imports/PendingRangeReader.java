package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.RecipientImport;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The good lines not applied yet, as ranges for the apply step, one range per chunk. The lines are
 * compared with the site's recipients a window of {@value #WINDOW} lines at a time, by one
 * statement each (a join, where per-chunk look-ups would each search the site): a line whose
 * resident already holds exactly what it says is unchanged and only counted; the others are the
 * work, {@value #WORK} lines of it per range. A window at a time keeps the counts moving on a large
 * file (no statement compares a million lines before the first count changes). Where to start is
 * the import's own record of the lines applied (committed with each range), so a run resumed on
 * another instance, or after a rollback, goes on from there. A resident id is on one good line at
 * most (the read step refuses the others), so applying a window changes nothing the next one
 * compares.
 */
@Named
@Dependent
public class PendingRangeReader extends AbstractItemReader {

  /** Lines of work per range, and so per transaction. */
  static final int WORK = 1000;

  /** Lines compared with their recipients by one statement. */
  static final int WINDOW = 100_000;

  @Inject JobContext job;

  @Inject ImportLines lines;

  @EJB ImportRecords records;

  private PendingWindows pending;
  private long lastTo;

  @Override
  public void open(Serializable checkpoint) {
    long importId = ImportJob.importId(job);
    RecipientImport imp = records.find(importId);
    pending = null;
    if (imp.hasDone("apply")) {
      return;
    }
    long siteId = imp.getSiteId();
    long applied = lines.appliedThrough(importId);
    lastTo = applied;
    pending =
        new PendingWindows(
            (after, through) -> lines.pendingWork(importId, siteId, after, through, WORK),
            applied,
            lines.lastLine(importId),
            WINDOW);
  }

  @Override
  public Object readItem() {
    if (pending == null || !pending.hasNext()) {
      return null;
    }
    LineRange range = pending.next();
    lastTo = range.to();
    return range;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastTo;
  }
}
