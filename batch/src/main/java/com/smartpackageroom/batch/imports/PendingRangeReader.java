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
 * The good lines not applied yet, as ranges for the apply step, one range per chunk. When the step
 * (re)starts, one statement compares all of them with the site's recipients at once (one join,
 * where per-chunk look-ups would each search the site): a line whose resident already holds exactly
 * what it says is unchanged and only counted; the others are the work, {@value #WORK} lines of it
 * per range. Where to start is the import's own record of the lines applied (committed with each
 * range), so a run resumed on another instance, or after a rollback, goes on from there.
 */
@Named
@Dependent
public class PendingRangeReader extends AbstractItemReader {

  /** Lines of work per range, and so per transaction. */
  static final int WORK = 1000;

  @Inject JobContext job;

  @Inject ImportLines lines;

  @EJB ImportRecords records;

  private PendingWork pending;
  private long lastTo;

  @Override
  public void open(Serializable checkpoint) {
    long importId = ImportJob.importId(job);
    RecipientImport imp = records.find(importId);
    pending = null;
    if (imp.hasDone("apply")) {
      return;
    }
    long applied = lines.appliedThrough(importId);
    lastTo = applied;
    pending = lines.pendingWork(importId, imp.getSiteId(), applied, WORK);
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
