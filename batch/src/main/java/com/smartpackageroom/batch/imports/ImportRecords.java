package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportMode;
import com.smartpackageroom.domain.imports.ImportStatus;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.kiosk.SiteLocks;
import com.smartpackageroom.ejb.platform.Database;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rows of imports, each change in a transaction of its own: the job, which runs on other
 * threads, must see the row as soon as it starts, and a failure must be recorded even when the work
 * it ends is rolled back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportRecords {

  @Resource(lookup = Database.AUTOCOMMIT)
  DataSource autocommit;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject Clock clock;

  @Inject ImportFileStore store;

  @Inject ImportFiles files;

  @Inject SiteLocks siteLocks;

  @Inject UploadsUnderWay uploads;

  /**
   * Imports of a site that may wait or run at once, started by people (uploads, restarts): one runs
   * at a time, and each waiting one holds a batch thread and its file.
   */
  @Inject
  @ConfigProperty(name = "spr.import.max-unfinished-per-site", defaultValue = "10")
  int maxUnfinished;

  /**
   * A new import, its file kept in the database in the same transaction (the staged file is the
   * caller's to delete once this returns).
   *
   * @param bounded whether the import is refused (and nothing kept) when the site has {@link
   *     #maxUnfinished} imports waiting or running already (uploads; the daily schedule's files are
   *     not: it takes a site's files once a day)
   */
  public RecipientImport create(
      Long siteId,
      String layout,
      ImportMode mode,
      boolean forced,
      Path stagedFile,
      long fileBytes,
      long totalLines,
      String startedBy,
      boolean bounded) {
    RecipientImport imp =
        new RecipientImport(
            siteId,
            layout,
            mode,
            forced,
            ImportFileStore.IN_DATABASE,
            fileBytes,
            startedBy,
            Times.now(clock));
    imp.fileCounted(totalLines);
    imp.heartbeat(ImportRuns.OWNER, Times.now(clock));
    em.persist(imp);
    em.flush();
    store.save(imp.getId(), stagedFile);
    if (bounded) {
      // last, so that the site's lock is held only for the count and the commit
      requireRoom(siteId, imp.getId());
    }
    return imp;
  }

  /**
   * Refuses (429 too-many-imports) when the site has {@link #maxUnfinished} imports other than this
   * one waiting or running. Counted under the site's lock, until the transaction ends: of uploads
   * at once, each counts those committed before it.
   */
  void requireRoom(long siteId, long importId) {
    siteLocks.lock(siteId);
    long unfinished = unfinishedOf(siteId, importId);
    if (unfinished >= maxUnfinished) {
      throw tooMany(unfinished);
    }
  }

  /**
   * Before an upload is read: takes a place among the site's uploads under way at this instance
   * ({@link UploadsUnderWay}, given back by the caller), within the room its imports waiting or
   * running leave, counted without a lock (the count under the lock decides when the import is
   * created); refuses (429 too-many-imports) when there is none, the uploads under way counted as
   * waiting.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public void takeUploadPlace(long siteId) {
    long unfinished = unfinishedOf(siteId, 0);
    if (unfinished >= maxUnfinished) {
      throw tooMany(unfinished);
    }
    if (!uploads.take(siteId, maxUnfinished - unfinished)) {
      throw tooMany(unfinished + uploads.underWay(siteId));
    }
  }

  private long unfinishedOf(long siteId, long importId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM recipient_import WHERE site_id = ? AND id <> ?"
                        + " AND status IN "
                        + UNFINISHED)
                .setParameter(1, siteId)
                .setParameter(2, importId)
                .getSingleResult())
        .longValue();
  }

  private DomainException tooMany(long unfinished) {
    return new DomainException(
        Reason.TOO_MANY_REQUESTS,
        "too-many-imports",
        "The site has "
            + unfinished
            + " imports waiting or running, as many as it may have at once"
            + " (spr.import.max-unfinished-per-site): one runs at a time. Start this one once some"
            + " have ended",
        Duration.ofMinutes(1));
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public RecipientImport find(long importId) {
    RecipientImport imp = em.find(RecipientImport.class, importId);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    return imp;
  }

  public void started(long importId, long executionId) {
    find(importId).started(executionId);
  }

  /** A run's job has started; false (nothing written) when the import is another run's now. */
  public boolean running(long importId, int run) {
    RecipientImport imp;
    try {
      imp = ofRun(importId, run);
    } catch (RunLost e) {
      return false;
    }
    imp.running();
    imp.heartbeat(ImportRuns.OWNER, Times.now(clock));
    return true;
  }

  /**
   * The run shows progress (between its steps; its chunks do it in their own transactions); false
   * (nothing written) when the import is another run's now.
   */
  public boolean heartbeat(long importId, int run) {
    try {
      ofRun(importId, run).heartbeat(ImportRuns.OWNER, Times.now(clock));
      return true;
    } catch (RunLost e) {
      return false;
    }
  }

  /**
   * Its file is to be read again from its start (see {@link RecipientImport#readAgain}); false
   * (nothing changed) for a lost run.
   */
  public boolean readAgain(long importId, int run) {
    try {
      ofRun(importId, run).readAgain();
      return true;
    } catch (RunLost e) {
      return false;
    }
  }

  /** A step finished: a resumed run of the import goes on after it. */
  public boolean stepDone(long importId, int run, String step) {
    try {
      ofRun(importId, run).stepDone(step, Times.now(clock));
      return true;
    } catch (RunLost e) {
      return false;
    }
  }

  /**
   * The import's row, locked, as long as it counts the given run (0: a run that does not know it);
   * otherwise {@link RunLost} (a newer run has it: this run writes nothing to it).
   */
  private RecipientImport ofRun(long importId, int run) {
    RecipientImport imp = em.find(RecipientImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    if (run > 0 && imp.getRuns() != run) {
      throw new RunLost(importId, run);
    }
    return imp;
  }

  /**
   * Prepares a new run of a failed or stopped import, asked for by a person.
   *
   * @throws DomainException (409 import-not-restartable) when it runs or completed, or its file is
   *     gone
   */
  public RecipientImport rerun(long importId, boolean force) {
    RecipientImport imp = em.find(RecipientImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    if (!imp.isRestartable()) {
      throw DomainException.conflict(
          "import-not-restartable",
          "Import "
              + importId
              + " is "
              + imp.getStatus().shown()
              + ": only a FAILED or STOPPED import can be restarted");
    }
    if (!imp.hasDone("read") && !files.exists(imp)) {
      throw DomainException.conflict(
          "import-not-restartable",
          "The file of import " + importId + " is no longer kept: upload it again");
    }
    requireRoom(imp.getSiteId(), importId);
    imp.rerun(ImportRuns.OWNER, force, Times.now(clock));
    return imp;
  }

  /**
   * The imports that should be running but whose run went silent: no progress since {@code
   * silentSince} on any instance, or started by this instance before it (re)started.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Long> interrupted(OffsetDateTime silentSince, OffsetDateTime instanceStart) {
    return em.createQuery(
            "SELECT i.id FROM RecipientImport i WHERE " + INTERRUPTED + " ORDER BY i.id",
            Long.class)
        .setParameter("running", RUNNING)
        .setParameter("silentSince", silentSince)
        .setParameter("me", ImportRuns.OWNER)
        .setParameter("instanceStart", instanceStart)
        .getResultList();
  }

  /**
   * Takes an interrupted import over for a new run on this instance: the run's number (the import's
   * runs, counted one more), or 0 when another instance was quicker or the import is no longer
   * interrupted.
   */
  public int takeOver(long importId, OffsetDateTime silentSince, OffsetDateTime instanceStart) {
    int changed =
        em.createQuery(
                "UPDATE RecipientImport i SET i.runOwner = :me, i.heartbeatAt = :now,"
                    + " i.status = :starting, i.runs = i.runs + 1, i.waitingFor = NULL"
                    + " WHERE i.id = :id AND "
                    + INTERRUPTED)
            .setParameter("me", ImportRuns.OWNER)
            .setParameter("now", Times.now(clock))
            .setParameter("starting", ImportStatus.STARTING)
            .setParameter("id", importId)
            .setParameter("running", RUNNING)
            .setParameter("silentSince", silentSince)
            .setParameter("instanceStart", instanceStart)
            .executeUpdate();
    if (changed != 1) {
      return 0;
    }
    // as this transaction left it (the row is locked until it ends)
    return ((Number)
            em.createNativeQuery("SELECT runs FROM recipient_import WHERE id = ?")
                .setParameter(1, importId)
                .getSingleResult())
        .intValue();
  }

  /** The statuses of an import that runs, or is about to (it holds its site's turn, or waits). */
  private static final String UNFINISHED = "('STARTING', 'STARTED')";

  /** Where an import's run stands with its site's turn. */
  public enum Turn {
    /** It has the turn: it runs. */
    TAKEN,
    /** Another import of the site runs, or an older one waits: it waits. */
    WAITING,
    /**
     * The run no longer has the import: it ended meanwhile, or a newer run took it over (this run
     * was silent too long, or waited too long to start). The run ends without a word to the
     * import's row.
     */
    LOST
  }

  /**
   * Gives the import its site's turn to run (one import of a site at a time: two would each compare
   * the file with residents the other changes), or says whom it waits for. It has the turn when it
   * had it already, or when the import that had it has ended and no older import of the site is
   * unfinished (the oldest, by its creation, goes first; a newer one that holds the turn keeps it).
   * A run that waits shows progress.
   *
   * @param run the import's count of runs when this run was launched ({@link ImportJob#run}; 0: not
   *     known): a run of another count has lost the import to a newer run
   */
  public Turn takeTurn(long importId, int run) {
    // locked: a takeover waits for this look, or this look sees the takeover's run
    RecipientImport imp = em.find(RecipientImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    if (imp.getStatus().isFinished() || (run > 0 && imp.getRuns() != run)) {
      return Turn.LOST;
    }
    long site = imp.getSiteId();
    OffsetDateTime now = Times.now(clock);
    boolean taken =
        em.createNativeQuery(
                    "UPDATE import_turn SET import_id = ?, taken_at = ? WHERE site_id = ? AND"
                        + " (import_id = ? OR (NOT EXISTS (SELECT 1 FROM recipient_import h"
                        + " WHERE h.id = import_turn.import_id AND h.status IN "
                        + UNFINISHED
                        + ") AND NOT EXISTS (SELECT 1 FROM recipient_import o WHERE o.site_id = ?"
                        + OLDER
                        + " AND o.status IN "
                        + UNFINISHED
                        + ")))")
                .setParameter(1, importId)
                .setParameter(2, now)
                .setParameter(3, site)
                .setParameter(4, importId)
                .setParameter(5, site)
                .setParameter(6, importId)
                .setParameter(7, imp.getCreatedAt())
                .setParameter(8, imp.getCreatedAt())
                .setParameter(9, importId)
                .executeUpdate()
            == 1;
    Long waitsFor = null;
    if (!taken) {
      Optional<Long> holderId = turnHolder(site);
      Long older = olderUnfinished(imp);
      if (holderId.isEmpty() && older == null) {
        // the site's first import: of two at once, the primary key lets one in
        taken = firstTurn(site, importId, now);
        if (!taken) {
          holderId = turnHolder(site);
        }
      }
      if (!taken) {
        RecipientImport holder =
            holderId.map(id -> em.find(RecipientImport.class, id)).orElse(null);
        boolean holderRuns =
            holder != null && !holder.getStatus().isFinished() && holder.getId() != importId;
        waitsFor = holderRuns ? holder.getId() : older;
      }
    }
    imp.waitingFor(waitsFor, ImportRuns.OWNER, now);
    return taken ? Turn.TAKEN : Turn.WAITING;
  }

  /**
   * Gives a site's turn to its first import, committed at once on a connection of its own; false
   * when another import's row came first (a unique violation on that connection, not in the
   * caller's transaction).
   */
  private boolean firstTurn(long site, long importId, OffsetDateTime now) {
    try (Connection db = autocommit.getConnection();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO import_turn (site_id, import_id, taken_at) VALUES (?, ?, ?)")) {
      insert.setLong(1, site);
      insert.setLong(2, importId);
      insert.setObject(3, now);
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e, null)) {
        return false;
      }
      throw new IllegalStateException("The site's import turn could not be taken", e);
    }
  }

  /** The import that has, or last had, the site's turn. */
  private Optional<Long> turnHolder(long site) {
    List<?> rows =
        em.createNativeQuery("SELECT import_id FROM import_turn WHERE site_id = ?")
            .setParameter(1, site)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
  }

  /**
   * Of two imports, the one created first is the older (by id when created at the same moment: ids
   * are handed out in blocks per instance, so they alone do not tell).
   */
  private static final String OLDER =
      " AND o.id <> ? AND (o.created_at < ? OR (o.created_at = ? AND o.id < ?))";

  /** The oldest unfinished import of the import's site older than it, or null. */
  private Long olderUnfinished(RecipientImport imp) {
    List<?> oldest =
        em.createNativeQuery(
                "SELECT o.id FROM recipient_import o WHERE o.site_id = ?"
                    + OLDER
                    + " AND o.status IN "
                    + UNFINISHED
                    + " ORDER BY o.created_at, o.id")
            .setParameter(1, imp.getSiteId())
            .setParameter(2, imp.getId())
            .setParameter(3, imp.getCreatedAt())
            .setParameter(4, imp.getCreatedAt())
            .setParameter(5, imp.getId())
            .setMaxResults(1)
            .getResultList();
    return oldest.isEmpty() ? null : ((Number) oldest.get(0)).longValue();
  }

  /** The statuses of an import that ended without completing, and may be restarted. */
  private static final List<ImportStatus> ENDED_UNFINISHED =
      List.of(ImportStatus.FAILED, ImportStatus.STOPPED, ImportStatus.ABANDONED);

  /**
   * The imports that ended without completing before {@code endedBefore} and still keep their file
   * and the lines read from it.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Long> keptSince(OffsetDateTime endedBefore) {
    return em.createQuery(
            "SELECT i.id FROM RecipientImport i WHERE i.status IN :ended"
                + " AND i.finishedAt < :endedBefore AND i.filePath <> :removed ORDER BY i.id",
            Long.class)
        .setParameter("ended", ENDED_UNFINISHED)
        .setParameter("endedBefore", endedBefore)
        .setParameter("removed", RecipientImport.FILE_REMOVED)
        .getResultList();
  }

  /**
   * Removes what an import that ended without completing before {@code endedBefore} keeps for a
   * restart (its file, the lines it read but the refused ones, its unseen residents) and marks it
   * so that it can no longer be restarted, in one transaction with its row locked: a restart asked
   * for meanwhile either comes first or finds nothing to restart.
   *
   * @return empty when it no longer qualifies (restarted meanwhile); else the file it was kept in
   *     ({@link ImportFileStore#IN_DATABASE}, or a file of an earlier version, for the caller to
   *     delete once this has committed)
   */
  public Optional<String> expire(long importId, OffsetDateTime endedBefore) {
    RecipientImport imp = em.find(RecipientImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
    if (imp == null
        || !ENDED_UNFINISHED.contains(imp.getStatus())
        || imp.getFinishedAt() == null
        || !imp.getFinishedAt().isBefore(endedBefore)
        || RecipientImport.FILE_REMOVED.equals(imp.getFilePath())) {
      return Optional.empty();
    }
    String file = imp.getFilePath();
    imp.fileRemoved();
    for (String delete :
        List.of(
            "DELETE FROM import_file_chunk WHERE import_id = ?",
            "DELETE FROM import_line WHERE import_id = ? AND error IS NULL",
            "DELETE FROM import_unseen WHERE import_id = ?")) {
      em.createNativeQuery(delete).setParameter(1, importId).executeUpdate();
    }
    return Optional.of(file);
  }

  /** The country a site's phone numbers are read in (the region of numbers without a prefix). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public String siteCountry(long siteId) {
    return em.find(Site.class, siteId).getCountry();
  }

  /** A site's time zone, for its daily import; empty when there is no such site. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ZoneId> siteZone(long siteId) {
    Site site = em.find(Site.class, siteId);
    return site == null ? Optional.empty() : Optional.of(site.getTimeZone());
  }

  /**
   * Claims the site's daily import for a local day; false when an instance claimed it already. Two
   * instances claiming at once: the primary key lets one insert, the other sees its row.
   */
  public boolean claimScheduledRun(long siteId, LocalDate day) {
    Number taken =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM import_schedule_run WHERE site_id = ? AND local_date = ?")
                .setParameter(1, siteId)
                .setParameter(2, day)
                .getSingleResult();
    if (taken.longValue() > 0) {
      return false;
    }
    em.createNativeQuery(
            "INSERT INTO import_schedule_run (site_id, local_date, claimed_at, claimed_by)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, siteId)
        .setParameter(2, day)
        .setParameter(3, Times.now(clock))
        .setParameter(4, ImportRuns.OWNER)
        .executeUpdate();
    return true;
  }

  /** Gives a site's day back, when its files could not be started: the next look tries again. */
  public void releaseScheduledRun(long siteId, LocalDate day) {
    em.createNativeQuery("DELETE FROM import_schedule_run WHERE site_id = ? AND local_date = ?")
        .setParameter(1, siteId)
        .setParameter(2, day)
        .executeUpdate();
  }

  private static final List<ImportStatus> RUNNING =
      List.of(ImportStatus.STARTING, ImportStatus.STARTED);

  private static final String INTERRUPTED =
      "i.status IN :running AND (i.heartbeatAt IS NULL OR i.heartbeatAt < :silentSince"
          + " OR (i.runOwner = :me AND i.heartbeatAt < :instanceStart))";

  /**
   * Remembers why the import fails (the first reason stays); false (nothing written) for a lost
   * run.
   */
  public boolean failing(long importId, int run, String reason) {
    RecipientImport imp;
    try {
      imp = ofRun(importId, run);
    } catch (RunLost e) {
      return false;
    }
    if (imp.getFailureReason() == null) {
      imp.failing(reason);
    }
    return true;
  }

  public void finished(long importId, ImportStatus status, String reason) {
    find(importId).finished(status, reason, Times.now(clock));
  }

  /** A run's outcome; false (nothing written) when the import counts another run now. */
  public boolean finished(long importId, int run, ImportStatus status, String reason) {
    try {
      ofRun(importId, run).finished(status, reason, Times.now(clock));
      return true;
    } catch (RunLost e) {
      return false;
    }
  }
}
