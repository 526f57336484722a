package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentRow;
import com.smartpackageroom.ejb.platform.BulkSql;
import com.smartpackageroom.ejb.platform.CopyOutRows;
import com.smartpackageroom.ejb.platform.CopyStream;
import com.smartpackageroom.ejb.platform.CopyText;
import com.smartpackageroom.ejb.platform.Database;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The lines of an import file as the job read them (table import_line), written and read in bulk
 * with JDBC in the transaction of the calling chunk.
 */
@ApplicationScoped
public class ImportLines {

  /** What the upsert did with a line. */
  public enum Outcome {
    INSERTED,
    UPDATED,
    UNCHANGED,
    MOVED_OUT
  }

  /** A line that was refused, and why. */
  public record Error(long line, String reason) {}

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject Clock clock;

  /**
   * The last line a committed chunk of the read step stored (good or refused): a run resumed after
   * its server stopped reads the file on from there.
   */
  public long lastLine(long importId) {
    return single("SELECT COALESCE(MAX(line), 0) FROM import_line WHERE import_id = ?", importId);
  }

  /**
   * What a transaction of the read step did: the lines it stored, those of them refused, the
   * suspects of a duplicate id, and the lines it took as unchanged (not stored).
   */
  public record Staged(long stored, long refused, long[] suspects, long unchanged) {}

  /**
   * Stores the next lines of the file, up to {@code maxLines} or until {@code until} (a {@link
   * System#nanoTime} deadline), in the caller's transaction: on PostgreSQL streamed with {@code
   * COPY} a batch at a time (the database writes a batch while the next is checked, on {@code
   * executor}'s threads), elsewhere with multi-row inserts. A line that leaves its resident
   * unchanged ({@link KnownResidents}) is counted and not stored. The resident id of each line goes
   * into {@code seen}; the lines whose id (hash) was there already are the suspects of a duplicate
   * id, for {@link #refuseDuplicates}, or are refused at once when the earlier line was one left
   * unchanged (it is not stored for the database to compare).
   */
  public Staged stage(
      long importId, LineFile file, int maxLines, long until, Executor executor, IdHashes seen) {
    try (Connection c = dataSource.getConnection()) {
      return Database.isPostgres(c)
          ? copy(c, importId, file, maxLines, until, executor, seen)
          : insert(c, importId, file, maxLines, until, executor, seen);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store lines of import " + importId, e);
    }
  }

  /**
   * The resident ids of the good lines stored so far, in file order, into {@code seen}; the lines
   * whose id (hash) was there already, the suspects for {@link #refuseDuplicates}.
   */
  public long[] goodIds(long importId, IdHashes seen) {
    Suspects suspects = new Suspects();
    cursor(
        "SELECT line, external_id FROM import_line WHERE import_id = ? AND error IS NULL"
            + " ORDER BY line",
        rs -> {
          if (!seen.add(rs.getString(2))) {
            suspects.add(rs.getLong(1));
          }
        },
        importId);
    return suspects.toArray();
  }

  private static final String STAGED_COLUMNS =
      "import_id, line, external_id, first_name, last_name, unit, email, phone, moved_out, error,"
          + " line_hash";

  /** Lines read and checked at a time (in parallel), then sent. */
  private static final int BATCH = 4096;

  /** The decisions of a transaction of the read step, line by line in file order. */
  static final class Tally {
    final Suspects suspects = new Suspects();
    long stored;
    long refused;
    long unchanged;

    long lines() {
      return stored + unchanged;
    }

    Staged staged() {
      return new Staged(stored, refused, suspects.toArray(), unchanged);
    }
  }

  /**
   * The line to store, in file order, or null for a line that leaves its resident unchanged
   * (counted only). A line whose resident id an earlier stored line holds is a suspect; one whose
   * resident an earlier line left unchanged is refused at once (that line is not stored for the
   * database to compare). {@code seen} holds the ids of the lines stored (not of those left
   * unchanged: their residents are marked in {@link KnownResidents}), so that in a re-import of few
   * changes it stays small.
   */
  static StagedLine decide(StagedLine line, LineFile file, IdHashes seen, Tally tally) {
    KnownResidents known = file.known();
    if (line.maybeUnchanged()) {
      // unchanged unless an earlier stored line holds the resident's id, or an earlier line left
      // the resident unchanged (the same line twice): then read in full like any other line
      if (!seen.containsHash(known.idHash(line.known()))
          && known.claim(line.known(), line.line())) {
        tally.unchanged++;
        return null;
      }
      line = file.check(line);
    }
    tally.stored++;
    if (line.row() == null) {
      tally.refused++;
      return line;
    }
    String id = line.row().externalId();
    int resident = known.resident(id);
    if (resident >= 0) {
      long earlier = known.claimedBy(resident);
      if (earlier > 0) {
        file.refusedElsewhere(1);
        tally.refused++;
        return StagedLine.refused(
            line.line(), id, "resident id " + id + " already on line " + earlier);
      }
      known.stored(resident);
    }
    if (!seen.add(id)) {
      tally.suspects.add(line.line());
    }
    return line;
  }

  /** What is done with a line to store, in file order. */
  private interface LineSink {
    void take(StagedLine line) throws SQLException;
  }

  /**
   * The file's next lines, up to {@code maxLines} or until {@code until}, each decided in file
   * order ({@link #decide}) and, unless left unchanged, handed to {@code sink}.
   */
  private static void eachToStore(
      LineFile file,
      int maxLines,
      long until,
      Executor executor,
      IdHashes seen,
      Tally tally,
      LineSink sink)
      throws SQLException {
    List<StagedLine> batch;
    while (tally.lines() < maxLines
        && System.nanoTime() < until
        && !(batch = file.next((int) Math.min(BATCH, maxLines - tally.lines()), executor))
            .isEmpty()) {
      for (StagedLine read : batch) {
        StagedLine line = decide(read, file, seen, tally);
        if (line != null) {
          sink.take(line);
        }
      }
    }
  }

  private static Staged copy(
      Connection c,
      long importId,
      LineFile file,
      int maxLines,
      long until,
      Executor executor,
      IdHashes seen)
      throws SQLException {
    Tally tally = new Tally();
    try (CopyStream copy = new CopyStream(c, "import_line", STAGED_COLUMNS)) {
      CopyText rows = copy.row();
      eachToStore(
          file,
          maxLines,
          until,
          executor,
          seen,
          tally,
          line -> {
            ResidentRow r = line.row();
            rows.value(importId).value(line.line()).value(line.externalId());
            if (r == null) {
              rows.value((String) null)
                  .value((String) null)
                  .value((String) null)
                  .value((String) null)
                  .value((String) null)
                  .value(false)
                  .value(line.error())
                  .value((String) null);
            } else {
              rows.value(r.firstName())
                  .value(r.lastName())
                  .value(r.unit())
                  .value(r.email())
                  .value(r.phone())
                  .value(r.movedOut())
                  .value((String) null)
                  .value(line.fingerprint());
            }
            copy.endRow();
          });
      copy.finish();
    }
    return tally.staged();
  }

  /** Line numbers, in file order. */
  private static final class Suspects {
    private long[] lines = new long[16];
    private int size;

    void add(long line) {
      if (size == lines.length) {
        lines = Arrays.copyOf(lines, size * 2);
      }
      lines[size++] = line;
    }

    long[] toArray() {
      return Arrays.copyOf(lines, size);
    }
  }

  private static Staged insert(
      Connection c,
      long importId,
      LineFile file,
      int maxLines,
      long until,
      Executor executor,
      IdHashes seen)
      throws SQLException {
    List<Object[]> values = new ArrayList<>();
    Tally tally = new Tally();
    eachToStore(
        file,
        maxLines,
        until,
        executor,
        seen,
        tally,
        line -> {
          ResidentRow r = line.row();
          values.add(
              r == null
                  ? new Object[] {
                    importId,
                    line.line(),
                    line.externalId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    line.error(),
                    null
                  }
                  : new Object[] {
                    importId,
                    line.line(),
                    r.externalId(),
                    r.firstName(),
                    r.lastName(),
                    r.unit(),
                    r.email(),
                    r.phone(),
                    r.movedOut(),
                    null,
                    line.fingerprint()
                  });
        });
    BulkSql.insert(c, "import_line", STAGED_COLUMNS, STAGED_TYPES, values);
    return tally.staged();
  }

  private static final int[] STAGED_TYPES = {
    Types.BIGINT,
    Types.BIGINT,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.BOOLEAN,
    Types.VARCHAR,
    Types.BIGINT
  };

  /** The last line a committed transaction of the apply step applied (0: none yet). */
  public long appliedThrough(long importId) {
    return single("SELECT applied_through FROM recipient_import WHERE id = ?", importId);
  }

  /**
   * The good lines after {@code afterLine} through {@code throughLine} not applied yet, compared
   * with the site's recipients by one statement: a line is work unless its resident holds exactly
   * what it says (names, unit, contacts, and active unless the line moves them out) and remembers
   * it as the line last applied (its fingerprint, at the resident's version).
   */
  public PendingWork pendingWork(
      long importId, long siteId, long afterLine, long throughLine, int maxWork) {
    long[] encoded = new long[1024];
    int size = 0;
    try (Connection c = dataSource.getConnection()) {
      // PostgreSQL: one probe of the (site, id) index per line (a window at a time, so the site
      // is never scanned whole for each window, however large it is)
      boolean postgres = Database.isPostgres(c);
      if (postgres) {
        // JIT compiling the statement took 0.3 s of its 1 s (for the rest of the chunk's
        // transaction only)
        try (PreparedStatement off = c.prepareStatement("SET LOCAL jit = off")) {
          off.execute();
        }
      }
      String recipient =
          postgres
              ? " LEFT JOIN LATERAL (SELECT id, status, first_name, last_name, unit, email, phone,"
                  + " import_hash, import_version, version"
                  + " FROM recipient WHERE site_id = ? AND external_id = l.external_id LIMIT 1) r"
                  + " ON TRUE"
              : " LEFT JOIN recipient r ON r.site_id = ? AND r.external_id = l.external_id";
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT l.line, CASE WHEN r.id IS NOT NULL AND r.first_name = l.first_name"
                  + " AND r.last_name = l.last_name AND r.unit = l.unit"
                  + " AND r.email IS NOT DISTINCT FROM l.email"
                  + " AND r.phone IS NOT DISTINCT FROM l.phone"
                  + " AND (r.status = 'ACTIVE') = (l.moved_out = FALSE)"
                  // and remembers this line's fingerprint (else it is work: remembered now)
                  + " AND r.import_hash = l.line_hash AND r.import_version = r.version"
                  + " THEN 0 ELSE 1 END"
                  + " FROM import_line l"
                  + recipient
                  + " WHERE l.import_id = ? AND l.line > ? AND l.line <= ? AND l.error IS NULL"
                  + " AND l.outcome IS NULL")) {
        ps.setLong(1, siteId);
        ps.setLong(2, importId);
        ps.setLong(3, afterLine);
        ps.setLong(4, throughLine);
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (size == encoded.length) {
              encoded = Arrays.copyOf(encoded, size * 2);
            }
            encoded[size++] = PendingWork.encode(rs.getLong(1), rs.getInt(2) == 1);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The lines of import " + importId + " cannot be read", e);
    }
    return new PendingWork(encoded, size, maxWork);
  }

  /** A good line as stored: the resident it names, and its fingerprint (null: stored without). */
  public record StoredRow(ResidentRow row, Long fingerprint) {}

  /** Good lines by their numbers (at most {@link BulkSql#IN_LIST}), in their order in the file. */
  public List<StoredRow> rows(long importId, long[] lineNumbers) {
    List<StoredRow> rows = new ArrayList<>(lineNumbers.length);
    if (lineNumbers.length == 0) {
      return rows;
    }
    List<Object> args = new ArrayList<>(lineNumbers.length + 3);
    args.add(importId);
    // the range bounds the scan of the primary key even in a generic plan
    args.add(lineNumbers[0]);
    args.add(lineNumbers[lineNumbers.length - 1]);
    for (long n : lineNumbers) {
      args.add(n);
    }
    query(
        "SELECT line, external_id, first_name, last_name, unit, email, phone, moved_out,"
            + " line_hash FROM import_line WHERE import_id = ? AND line BETWEEN ? AND ?"
            + " AND line IN ("
            + BulkSql.marks(lineNumbers.length)
            + ") ORDER BY line",
        rs ->
            rows.add(
                new StoredRow(
                    new ResidentRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8)),
                    rs.getObject(9) == null ? null : rs.getLong(9))),
        args.toArray());
    return rows;
  }

  /**
   * Counts what a transaction of the apply step did and records that the lines up to {@code
   * through} are applied, in that transaction.
   */
  public void applied(
      long importId,
      int run,
      long through,
      long inserted,
      long updated,
      long unchanged,
      long movedOut) {
    guarded(
        importId,
        run,
        "inserted_count = inserted_count + ?, updated_count = updated_count + ?,"
            + " unchanged_count = unchanged_count + ?, moved_out_count = moved_out_count + ?,"
            + " applied_through = ?",
        inserted,
        updated,
        unchanged,
        movedOut,
        through);
  }

  /**
   * The run's hold on the import's row, the first statement of each of its transactions that change
   * data: the row stays locked until the transaction ends (a takeover waits for it, and then finds
   * the run alive), and when the row counts another run, {@link RunLost} ends the transaction
   * before it has changed anything.
   */
  public void claim(long importId, int run) {
    guarded(importId, run, null);
  }

  /**
   * An update of the import's row by a run, in the transaction of the work it counts: {@code sets}
   * (and their values), the run's heartbeat and name, as long as the row counts the run (0: a run
   * that does not know its number); when the row counts another run now, nothing is updated and
   * {@link RunLost} rolls the transaction back.
   */
  private void guarded(long importId, int run, String sets, Object... values) {
    Object[] args = Arrays.copyOf(values, values.length + 5);
    args[values.length] = Times.now(clock);
    args[values.length + 1] = ImportRuns.OWNER;
    args[values.length + 2] = importId;
    args[values.length + 3] = (long) run;
    args[values.length + 4] = (long) run;
    String sql =
        "UPDATE recipient_import SET "
            + (sets == null ? "" : sets + ", ")
            + "heartbeat_at = ?, run_owner = ? WHERE id = ? AND (? = 0 OR runs = ?)";
    if (update(sql, args) == 0) {
      throw new RunLost(importId, run);
    }
  }

  /**
   * Adds to the import's counters, in the transaction that did what they count; the run thereby
   * shows progress (a run silent for long is taken over by another instance).
   */
  public void count(
      long importId,
      int run,
      long read,
      long skipped,
      long inserted,
      long updated,
      long unchanged,
      long movedOut) {
    guarded(
        importId,
        run,
        "read_count = read_count + ?, skipped_count = skipped_count + ?,"
            + " inserted_count = inserted_count + ?, updated_count = updated_count + ?,"
            + " unchanged_count = unchanged_count + ?, moved_out_count = moved_out_count + ?",
        read,
        skipped,
        inserted,
        updated,
        unchanged,
        movedOut);
  }

  public List<Error> errors(long importId, int limit) {
    List<Error> errors = new ArrayList<>();
    query(
        "SELECT line, error FROM import_line WHERE import_id = ? AND error IS NOT NULL"
            + " ORDER BY line FETCH FIRST "
            + limit
            + " ROWS ONLY",
        rs -> errors.add(new Error(rs.getLong(1), rs.getString(2))),
        importId);
    return errors;
  }

  /**
   * Every refused line of the import in the order of the file, read in batches while {@code each}
   * takes them (never all in memory; PostgreSQL reads with a cursor in the caller's transaction).
   */
  public void eachError(long importId, Consumer<Error> each) {
    cursor(
        "SELECT line, error FROM import_line WHERE import_id = ? AND error IS NOT NULL"
            + " ORDER BY line",
        rs -> each.accept(new Error(rs.getLong(1), rs.getString(2))),
        importId);
  }

  /**
   * Refuses each of the suspect lines (in file order) whose resident id an earlier good line holds
   * ("resident id ... already on line N", N the first), as refused lines are kept: without the
   * resident's details. Run on a batch of lines once it is stored, in its transaction, all earlier
   * lines stored; each suspect is compared with the earlier lines by the index of (import, resident
   * id). How many lines it refused.
   */
  public long refuseDuplicates(long importId, long[] suspects) {
    String first =
        "(SELECT MIN(f.line) FROM import_line f WHERE f.import_id = import_line.import_id"
            + " AND f.external_id = import_line.external_id AND f.error IS NULL)";
    long refused = 0;
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < suspects.length; from += BulkSql.IN_LIST) {
        long[] part =
            Arrays.copyOfRange(suspects, from, Math.min(suspects.length, from + BulkSql.IN_LIST));
        long low = part[0];
        long high = part[part.length - 1];
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE import_line SET error = CONCAT('resident id ', external_id,"
                    + " ' already on line ', CAST("
                    + first
                    + " AS VARCHAR(20))), first_name = NULL, last_name = NULL, unit = NULL,"
                    + " email = NULL, phone = NULL, moved_out = FALSE"
                    // the suspects by the primary key's range, whatever the statistics believe:
                    // the row comparison is no condition another index of import_line can take
                    // (an equality on import_id made the index of resident ids look as good when
                    // the statistics predate the import: every line of the import read for each
                    // batch), and the range of lines keeps the estimate small
                    + " WHERE (import_id, line) >= (?, ?) AND (import_id, line) <= (?, ?)"
                    + " AND line BETWEEN ? AND ? AND line IN ("
                    + BulkSql.marks(part.length)
                    + ") AND error IS NULL AND "
                    + first
                    + " < line")) {
          ps.setLong(1, importId);
          ps.setLong(2, low);
          ps.setLong(3, importId);
          ps.setLong(4, high);
          ps.setLong(5, low);
          ps.setLong(6, high);
          for (int k = 0; k < part.length; k++) {
            ps.setLong(7 + k, part[k]);
          }
          refused += ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not refuse duplicate lines of import " + importId, e);
    }
    return refused;
  }

  /**
   * Brings the planner's statistics of import_line up to date (PostgreSQL: a sample, some
   * milliseconds), so that the once-per-import statements over the lines just read are planned for
   * their number.
   */
  public void analyze() {
    try (Connection c = dataSource.getConnection()) {
      if (Database.isPostgres(c)) {
        try (PreparedStatement ps = c.prepareStatement("ANALYZE import_line")) {
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not analyze the import's lines", e);
    }
  }

  /** Once the import is done only the refused lines are kept, for its report. */
  public void forgetGoodLines(long importId) {
    update("DELETE FROM import_line WHERE import_id = ? AND error IS NULL", importId);
    forgetUnseen(importId);
  }

  /** How many recipients the site has. */
  public long siteResidents(long siteId) {
    return single("SELECT COUNT(*) FROM recipient WHERE site_id = ?", siteId);
  }

  /**
   * Whether a run of the read step took lines as unchanged (before the apply step, which counts the
   * others, only it counts them).
   */
  public boolean readUnchanged(long importId) {
    return single("SELECT unchanged_count FROM recipient_import WHERE id = ?", importId) > 0;
  }

  /** Forgets what runs of the read step read: the lines they stored, their counts. */
  public void forgetRead(long importId) {
    update("DELETE FROM import_line WHERE import_id = ?", importId);
    update(
        "UPDATE recipient_import SET read_count = 0, skipped_count = 0, unchanged_count = 0"
            + " WHERE id = ?",
        importId);
  }

  public void forgetUnseen(long importId) {
    update("DELETE FROM import_unseen WHERE import_id = ?", importId);
  }

  private static final int UNSEEN_SLICE = 10_000;

  /** Lists residents as unseen by a full import (see {@link KnownResidents#unseen}). */
  public void unseen(long importId, long[] recipientIds) {
    try (Connection c = dataSource.getConnection()) {
      // a slice at a time: a million of them are not held twice over as rows
      for (int from = 0; from < recipientIds.length; from += UNSEEN_SLICE) {
        int to = Math.min(recipientIds.length, from + UNSEEN_SLICE);
        List<Object[]> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          rows.add(new Object[] {importId, recipientIds[i]});
        }
        BulkSql.insert(
            c,
            "import_unseen",
            "import_id, recipient_id",
            new int[] {Types.BIGINT, Types.BIGINT},
            rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the unseen of import " + importId, e);
    }
  }

  /**
   * The site's residents a read step may find unchanged: those whose last applied line is still
   * what shaped them (its fingerprint, and the version it left them at), and for a full import the
   * active imported ones besides (the unseen among them are listed when the read ends). Some 80
   * bytes a resident are kept. On PostgreSQL read with a binary {@code COPY} ({@link CopyOutRows}:
   * the server sends the rows while they are taken in, where a cursor's fetches made it wait, and
   * the ids are hashed from the bytes received, never made into strings); elsewhere with a cursor.
   * (Read in two halves at once, on two connections, it took longer on two cores: measured, not
   * kept.)
   */
  public KnownResidents known(long siteId, boolean full) {
    KnownResidents known = new KnownResidents();
    String which =
        " FROM recipient WHERE site_id = %s"
            + " AND ((import_hash IS NOT NULL AND import_version = version)"
            + (full ? " OR (status = 'ACTIVE' AND source = 'IMPORT')" : "")
            + ")";
    String columns =
        "SELECT id, external_id, CASE WHEN import_version = version THEN import_hash END,"
            + " status = 'ACTIVE' AND source = 'IMPORT'";
    try (Connection c = dataSource.getConnection()) {
      if (Database.isPostgres(c)) {
        try (CopyOutRows rows =
            new CopyOutRows(c, columns + which.formatted(Long.toString(siteId)))) {
          while (rows.next()) {
            known.add(
                rows.getLong(0),
                rows.bytes(),
                rows.offset(1),
                rows.length(1),
                rows.isNull(2) ? 0 : rows.getLong(2),
                rows.getBoolean(3));
          }
        }
        return known.seal();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The residents of site " + siteId + " cannot be read", e);
    }
    cursor(
        columns + which.formatted("?"),
        rs -> {
          long print = rs.getLong(3);
          boolean fingerprinted = !rs.wasNull();
          known.add(rs.getLong(1), rs.getString(2), fingerprinted ? print : 0, rs.getBoolean(4));
        },
        siteId);
    return known.seal();
  }

  /**
   * The active imported residents of the site a full import finds in no line: of those its read
   * step listed as unseen, those without a line of their id (good or refused). On PostgreSQL each
   * unseen resident is looked up by its key ({@code LATERAL ... LIMIT 1}: a nested loop whatever
   * the planner estimates), where a join read every resident of the site (a million-resident site:
   * 1 s for 20 000 unseen).
   */
  private static String missing(boolean postgres) {
    return (postgres
            ? " FROM import_unseen u CROSS JOIN LATERAL (SELECT id, site_id, external_id"
                + " FROM recipient WHERE id = u.recipient_id AND status = 'ACTIVE'"
                + " AND source = 'IMPORT' LIMIT 1) r WHERE u.import_id = ?"
            : " FROM import_unseen u JOIN recipient r ON r.id = u.recipient_id"
                + " WHERE u.import_id = ? AND r.status = 'ACTIVE' AND r.source = 'IMPORT'")
        + " AND NOT EXISTS (SELECT 1 FROM import_line l WHERE l.import_id = u.import_id"
        + " AND l.external_id = r.external_id)";
  }

  /**
   * How many active residents the file would move out, and how many there are (0 when it moves none
   * out). The lines that move their resident out are few: on PostgreSQL each looks up its resident
   * by the (site, id) index, where a join read every resident of the site (a million-resident site:
   * 4.3 s).
   */
  public long[] moveOutFigures(long importId, long siteId, boolean full) {
    boolean postgres = Database.isPostgres(dataSource);
    long byStatus =
        postgres
            ? single(
                "SELECT COUNT(*) FROM import_line l CROSS JOIN LATERAL (SELECT 1 FROM recipient"
                    + " WHERE site_id = ? AND external_id = l.external_id AND status = 'ACTIVE'"
                    + " LIMIT 1) r WHERE l.import_id = ? AND l.error IS NULL AND l.moved_out = TRUE",
                siteId,
                importId)
            : single(
                "SELECT COUNT(*) FROM recipient r JOIN import_line l ON l.import_id = ?"
                    + " AND l.external_id = r.external_id AND l.error IS NULL"
                    + " AND l.moved_out = TRUE WHERE r.site_id = ? AND r.status = 'ACTIVE'",
                importId,
                siteId);
    long missing = full ? single("SELECT COUNT(*)" + missing(postgres), importId) : 0;
    long moving = byStatus + missing;
    // a file that moves nobody out is never suspicious, whatever the site holds: not counted
    long active =
        moving == 0
            ? 0
            : single(
                "SELECT COUNT(*) FROM recipient WHERE site_id = ? AND status = 'ACTIVE'", siteId);
    return new long[] {moving, active};
  }

  /**
   * Active imported residents of the site whose id the file does not hold, after a recipient id, in
   * id order.
   */
  public List<Long> missingResidents(long importId, long siteId, long afterId) {
    List<Long> ids = new ArrayList<>();
    query(
        "SELECT r.id"
            + missing(Database.isPostgres(dataSource))
            + " AND r.site_id = ? AND u.recipient_id > ? ORDER BY u.recipient_id",
        rs -> ids.add(rs.getLong(1)),
        importId,
        siteId,
        afterId);
    return ids;
  }

  private interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowHandler handler, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Import query failed", e);
    }
  }

  /**
   * {@link #query}, read in batches while {@code handler} takes the rows (PostgreSQL: a cursor in
   * the caller's transaction), for statements that may return a whole file's lines.
   */
  private void cursor(String sql, RowHandler handler, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The lines of an import cannot be read", e);
    }
  }

  private long single(String sql, Object... args) {
    long[] result = new long[1];
    query(sql, rs -> result[0] = rs.getLong(1), args);
    return result[0];
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Import update failed", e);
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else if (arg instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (arg instanceof OffsetDateTime t) {
        ps.setObject(i + 1, t);
      } else {
        ps.setString(i + 1, arg.toString());
      }
    }
  }

  private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }
}
