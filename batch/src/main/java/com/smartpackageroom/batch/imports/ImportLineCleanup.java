package com.smartpackageroom.batch.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Work on an import's lines in a transaction of its own (batchlets have none). */
@Stateless
public class ImportLineCleanup {

  @Inject ImportLines lines;

  /**
   * Stores the next lines of the file (see {@link ImportLines#stage}), refuses those whose resident
   * id an earlier line holds, and counts them, in one transaction: a run resumed after a stop reads
   * the file on after the last line stored.
   */
  public void stage(
      long importId,
      int run,
      LineFile file,
      int maxLines,
      long until,
      java.util.concurrent.Executor work,
      IdHashes seen) {
    lines.claim(importId, run);
    ImportLines.Staged stored = lines.stage(importId, file, maxLines, until, work, seen);
    if (stored.stored() + stored.unchanged() > 0) {
      // a resident id on two lines is refused on the second (and later) ones
      long duplicates =
          stored.suspects().length == 0 ? 0 : lines.refuseDuplicates(importId, stored.suspects());
      lines.count(
          importId,
          run,
          stored.stored() + stored.unchanged(),
          stored.refused() + duplicates,
          0,
          0,
          stored.unchanged(),
          0);
      // counted against the skip limit as the other refused lines: past it, the batch is undone
      // and the import fails for too many bad lines, as when the file's own check finds them
      file.refusedElsewhere(duplicates);
    }
  }

  /**
   * The resident ids of the good lines stored before (a resumed run), into {@code seen}; a line
   * whose id an earlier one holds (stored by a run of an earlier version, which refused duplicates
   * only once the whole file was read) is refused now. How many lines it refused.
   */
  public long storedIds(long importId, int run, IdHashes seen) {
    lines.claim(importId, run);
    long[] suspects = lines.goodIds(importId, seen);
    long duplicates = suspects.length == 0 ? 0 : lines.refuseDuplicates(importId, suspects);
    if (duplicates > 0) {
      lines.count(importId, run, 0, duplicates, 0, 0, 0, 0);
    }
    return duplicates;
  }

  /** A completed import's good lines go; {@link RunLost} (nothing deleted) for a lost run. */
  public void forgetGoodLines(long importId, int run) {
    lines.claim(importId, run);
    lines.forgetGoodLines(importId);
  }

  /**
   * Before a read step runs: forgets the residents an earlier run listed as unseen, and when that
   * run took lines as unchanged (counted, not stored), everything it read, so that this one reads
   * the file from its start (those lines are known only to the run that read them). Whether the
   * lines stored before stay, to be read on after.
   */
  public boolean beforeRead(long importId, int run) {
    lines.claim(importId, run);
    lines.forgetUnseen(importId);
    if (!lines.readUnchanged(importId)) {
      return true;
    }
    lines.forgetRead(importId);
    return false;
  }

  /** The site's residents a read step may find unchanged (in a transaction: read by a cursor). */
  public KnownResidents known(long siteId, boolean full) {
    return lines.known(siteId, full);
  }

  /**
   * Lists the active imported residents no line of a full import left unchanged or was stored for
   * ({@link KnownResidents#unseen}); not when the import is another run's now ({@link RunLost}:
   * nothing listed).
   */
  public void unseen(long importId, int run, long[] recipientIds) {
    lines.claim(importId, run);
    lines.unseen(importId, recipientIds);
  }

  /** The planner's figures for the lines just read (autovacuum may be off, or a minute late). */
  public void analyze() {
    lines.analyze();
  }
}
