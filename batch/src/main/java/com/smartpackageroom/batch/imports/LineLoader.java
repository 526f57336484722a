package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportMode;
import com.smartpackageroom.domain.imports.RecipientImport;
import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Reader;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The read step: waits for the site's turn (one import of a site runs at a time), then reads,
 * checks and normalises the file's lines (parsed by a thread of their own, a batch at a time
 * checked in parallel on the managed executor's threads) and stores them in import_line (good ones
 * and refused ones with their reason, for the report), {@value #LINES} lines or a second's worth
 * per transaction, streamed into the database with COPY on PostgreSQL. A line whose fingerprint is
 * the one last applied to its resident, who has not changed since ({@link KnownResidents}), is only
 * counted as unchanged: a re-import stores and checks only what changed. Each transaction counts
 * its lines, so progress shows. A full import lists, at the end, the active imported residents no
 * line left unchanged or was stored for (the missing are among them). A run resumed after a stop
 * reads the file on after the last line stored, unless an earlier run took lines as unchanged
 * (known only to it): then it reads the file again from the start; so does the restart of a read
 * import with nothing applied yet, when it took lines as unchanged or is full (its unseen were
 * judged by the residents' ids of then). More than skipLimit refused lines fail the import.
 */
@Named
@Dependent
public class LineLoader extends AbstractBatchlet {

  /** Lines per transaction at most. */
  static final int LINES = 50_000;

  /** Time per transaction at most, for the progress shown. */
  static final long NANOS = TimeUnit.SECONDS.toNanos(1);

  @Inject JobContext job;

  @Inject
  @BatchProperty(name = "skipLimit")
  String skipLimit;

  @EJB ImportRecords records;

  @EJB ImportMappings mappings;

  @EJB ImportLineCleanup lineWork;

  @Inject ImportLines lines;

  @Inject ImportFiles files;

  /** Threads that check the lines of a batch in parallel. */
  @Resource ManagedExecutorService executor;

  /** The thread that parses the file ahead of the checks (for the read step's length). */
  @Resource ManagedThreadFactory threads;

  private static final Logger LOG = Logger.getLogger(LineLoader.class.getName());

  private volatile boolean stopping;

  @Override
  public String process() throws Exception {
    long importId = ImportJob.importId(job);
    int run = ImportJob.run(job);
    if (!waitForTurn(importId, run)) {
      return "STOPPED";
    }
    RecipientImport imp = records.find(importId);
    if (imp.hasDone("read")) {
      if (imp.hasDone("apply")
          || lines.appliedThrough(importId) > 0
          || !(lines.readUnchanged(importId) || imp.getMode() == ImportMode.FULL)) {
        return "READ";
      }
      // read by an earlier run (a run's read step starts once), which counted lines unchanged
      // against the residents as they were then, or (a full import) listed the unseen by the ids
      // they had then (a failed import may be restarted days later, after residents' ids were
      // edited): nothing is applied yet, so the file is read again against the residents as they
      // are now
      if (!records.readAgain(importId, run)) {
        ImportListener.lost(job);
        throw new RunLost(importId, run);
      }
      imp = records.find(importId);
    }
    if (!lineWork.beforeRead(importId, run)) {
      // an earlier run took lines as unchanged, which only it knew: read again from the start
      imp = records.find(importId);
    }
    boolean full = imp.getMode() == ImportMode.FULL;
    long began = System.nanoTime();
    KnownResidents known =
        full || worthKnowing(imp)
            ? lineWork.known(imp.getSiteId(), full)
            : new KnownResidents().seal();
    // through a bean of its own: the job's thread runs outside any transaction, in a context taken
    // from the request that launched it, whose entity manager may be closed by now
    String region = records.siteCountry(imp.getSiteId());
    long limit =
        skipLimit == null || skipLimit.isBlank() ? Long.MAX_VALUE : Long.parseLong(skipLimit);
    // a resumed run may refuse only what the runs before it left of the limit
    long left = limit == Long.MAX_VALUE ? limit : Math.max(0, limit - imp.getSkipped());
    long knownNanos = System.nanoTime() - began;
    long storedBefore = lines.lastLine(importId);
    // the resident ids read so far, for the duplicates (a resumed run reads those stored before)
    IdHashes seen = new IdHashes();
    long refusedNow = storedBefore > 0 ? lineWork.storedIds(importId, run, seen) : 0;
    try (Reader text = files.open(imp);
        LineFile file =
            new LineFile(
                text,
                ImportJob.layout(mappings, imp),
                region,
                storedBefore,
                left,
                known,
                threads)) {
      file.refusedElsewhere(refusedNow);
      while (!file.ended()) {
        if (stopping) {
          return "STOPPED";
        }
        lineWork.stage(importId, run, file, LINES, System.nanoTime() + NANOS, executor, seen);
      }
    }
    long readNanos = System.nanoTime() - began - knownNanos;
    if (full) {
      // the missing are among them; the move-out step looks for them there
      lineWork.unseen(importId, run, known.unseen());
    }
    LOG.info(
        () ->
            "Import "
                + importId
                + " read its file in "
                + TimeUnit.NANOSECONDS.toMillis(readNanos)
                + " ms, after "
                + TimeUnit.NANOSECONDS.toMillis(knownNanos)
                + " ms loading "
                + known.size()
                + " residents a line may leave unchanged");
    return "READ";
  }

  /** How often an import that waits for its site's turn looks again. */
  static final long TURN_POLL_MILLIS = 1000;

  /**
   * Waits until the import has its site's turn ({@link ImportRecords#takeTurn}): every run of an
   * import passes here first, a resumed one included, so its steps never overlap another import of
   * the site. The wait shows progress, so that no instance takes the import for interrupted; a look
   * that fails (the database for a moment) is logged and tried again, for as long as it takes: if
   * the wait goes silent for long, another run takes the import over, and this one finds it lost at
   * its next look. A run that lost its import (it ended, or a newer run took it over) ends without
   * a word to the import's row, and so does one whose application ends while it waits (undeployed:
   * its calls would fail for as long as the server runs; the next deployment resumes the import).
   *
   * @return false when the import was stopped while it waited
   */
  private boolean waitForTurn(long importId, int run) throws InterruptedException {
    boolean said = false;
    long quietUntil = System.nanoTime();
    while (true) {
      if (ApplicationEnding.now()) {
        // its beans are gone: the next deployment (or another instance) resumes the import
        ImportListener.lost(job);
        throw new IllegalStateException(
            "Import " + importId + " stops waiting for its site's turn: its application ends");
      }
      ImportRecords.Turn turn;
      Long other = null;
      try {
        turn = records.takeTurn(importId, run);
        if (turn == ImportRecords.Turn.WAITING && !said) {
          other = records.find(importId).getWaitingFor();
        }
      } catch (RuntimeException e) {
        // one warning a minute at most while it lasts
        if (System.nanoTime() - quietUntil >= 0) {
          LOG.log(
              Level.WARNING,
              "Import " + importId + " could not look for its site's turn; it looks again",
              e);
          quietUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        }
        if (stopping) {
          return false;
        }
        Thread.sleep(TURN_POLL_MILLIS);
        continue;
      }
      if (turn == ImportRecords.Turn.TAKEN) {
        break;
      }
      if (turn == ImportRecords.Turn.LOST) {
        ImportListener.lost(job);
        throw new IllegalStateException(
            "Import " + importId + " ended or was taken over by a newer run while it waited");
      }
      if (!said) {
        String whom = other == null ? "another import" : "import " + other;
        LOG.info(() -> "Import " + importId + " waits for " + whom + " of its site to end");
        said = true;
      }
      if (stopping) {
        return false;
      }
      Thread.sleep(TURN_POLL_MILLIS);
    }
    if (said) {
      LOG.info(() -> "Import " + importId + " has its site's turn now");
    }
    return true;
  }

  /**
   * Whether an incremental file is long enough for its unchanged lines to be worth knowing the
   * site's residents (loading them costs about a tenth of what checking and comparing a line does):
   * a short file of changes is only checked and compared. A full import always knows them (its
   * missing are among those no line leaves unchanged).
   */
  private boolean worthKnowing(RecipientImport imp) {
    Long total = imp.getTotalLines();
    return total == null || total * 10 >= lines.siteResidents(imp.getSiteId());
  }

  @Override
  public void stop() {
    stopping = true;
  }
}
