package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentRow;
import com.smartpackageroom.ejb.platform.BulkSql;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** The lines between two numbers (inclusive) that are stored already: a replayed chunk's. */
  public Set<Long> stored(long importId, long from, long to) {
    Set<Long> lines = new HashSet<>();
    query(
        "SELECT line FROM import_line WHERE import_id = ? AND line BETWEEN ? AND ?",
        rs -> lines.add(rs.getLong(1)),
        importId,
        from,
        to);
    return lines;
  }

  /** The lines that hold good residents with one of these ids, by id. */
  public Map<String, Long> linesOf(long importId, Collection<String> externalIds) {
    Map<String, Long> found = new HashMap<>();
    if (externalIds.isEmpty()) {
      return found;
    }
    List<Object> args = new ArrayList<>();
    args.add(importId);
    args.addAll(externalIds);
    query(
        "SELECT external_id, line FROM import_line WHERE import_id = ? AND error IS NULL"
            + " AND external_id IN ("
            + "?,".repeat(externalIds.size() - 1)
            + "?)",
        rs -> found.putIfAbsent(rs.getString(1), rs.getLong(2)),
        args.toArray());
    return found;
  }

  public void insertGood(long importId, List<ResidentRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<Object[]> values = new ArrayList<>(rows.size());
    for (ResidentRow r : rows) {
      values.add(
          new Object[] {
            importId,
            r.line(),
            r.externalId(),
            r.firstName(),
            r.lastName(),
            r.unit(),
            r.email(),
            r.phone(),
            r.movedOut()
          });
    }
    try (Connection c = dataSource.getConnection()) {
      BulkSql.insert(
          c,
          "import_line",
          "import_id, line, external_id, first_name, last_name, unit, email, phone, moved_out",
          LINE_TYPES,
          values);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store lines of import " + importId, e);
    }
  }

  private static final int[] LINE_TYPES = {
    Types.BIGINT,
    Types.BIGINT,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.BOOLEAN
  };

  public void insertError(long importId, long line, String externalId, String reason) {
    update(
        "INSERT INTO import_line (import_id, line, external_id, moved_out, error)"
            + " VALUES (?, ?, ?, FALSE, ?)",
        importId,
        line,
        externalId == null || externalId.length() > 100 ? null : externalId,
        reason.length() > 500 ? reason.substring(0, 497) + "..." : reason);
  }

  /** Good lines not applied yet, after a line, in their order in the file. */
  public List<ResidentRow> pending(long importId, long afterLine, int limit) {
    List<ResidentRow> rows = new ArrayList<>();
    query(
        "SELECT line, external_id, first_name, last_name, unit, email, phone, moved_out"
            + " FROM import_line WHERE import_id = ? AND error IS NULL AND outcome IS NULL"
            + " AND line > ? ORDER BY line FETCH FIRST "
            + limit
            + " ROWS ONLY",
        rs ->
            rows.add(
                new ResidentRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getBoolean(8))),
        importId,
        afterLine);
    return rows;
  }

  public void markOutcomes(long importId, Map<Long, Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE import_line SET outcome = ? WHERE import_id = ? AND line = ?")) {
      for (Map.Entry<Long, Outcome> e : outcomes.entrySet()) {
        ps.setString(1, e.getValue().name());
        ps.setLong(2, importId);
        ps.setLong(3, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record outcomes of import " + importId, e);
    }
  }

  /**
   * Adds to the import's counters, in the transaction that did what they count; the run thereby
   * shows progress (a run silent for long is taken over by another instance).
   */
  public void count(
      long importId,
      long read,
      long skipped,
      long inserted,
      long updated,
      long unchanged,
      long movedOut) {
    update(
        "UPDATE recipient_import SET read_count = read_count + ?, skipped_count = skipped_count + ?,"
            + " inserted_count = inserted_count + ?, updated_count = updated_count + ?,"
            + " unchanged_count = unchanged_count + ?, moved_out_count = moved_out_count + ?,"
            + " heartbeat_at = ?, run_owner = ? WHERE id = ?",
        read,
        skipped,
        inserted,
        updated,
        unchanged,
        movedOut,
        Times.now(clock),
        ImportRuns.OWNER,
        importId);
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT line, error FROM import_line WHERE import_id = ? AND error IS NOT NULL"
                    + " ORDER BY line")) {
      ps.setLong(1, importId);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          each.accept(new Error(rs.getLong(1), rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The lines of import " + importId + " cannot be read", e);
    }
  }

  /**
   * Refuses every good line whose resident id an earlier good line holds ("resident id ... already
   * on line N", N the first), as the lines of a refused line are kept: without the resident's
   * details. Set-based, once the whole file is read; a second call finds nothing more. How many
   * lines it refused.
   */
  public long refuseDuplicates(long importId) {
    String first =
        "(SELECT MIN(f.line) FROM import_line f WHERE f.import_id = import_line.import_id"
            + " AND f.external_id = import_line.external_id AND f.error IS NULL)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE import_line SET error = CONCAT('resident id ', external_id,"
                    + " ' already on line ', CAST("
                    + first
                    + " AS VARCHAR(20))), first_name = NULL, last_name = NULL, unit = NULL,"
                    + " email = NULL, phone = NULL, moved_out = FALSE"
                    + " WHERE import_id = ? AND error IS NULL AND external_id IN"
                    + " (SELECT d.external_id FROM import_line d WHERE d.import_id = ?"
                    + " AND d.error IS NULL GROUP BY d.external_id HAVING COUNT(*) > 1)"
                    + " AND line > "
                    + first)) {
      ps.setLong(1, importId);
      ps.setLong(2, importId);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not refuse duplicate lines of import " + importId, e);
    }
  }

  /** Once the import is done only the refused lines are kept, for its report. */
  public void forgetGoodLines(long importId) {
    update("DELETE FROM import_line WHERE import_id = ? AND error IS NULL", importId);
  }

  /** How many active residents the file would move out, and how many there are. */
  public long[] moveOutFigures(long importId, long siteId, boolean full) {
    long byStatus =
        single(
            "SELECT COUNT(*) FROM recipient r JOIN import_line l ON l.import_id = ?"
                + " AND l.external_id = r.external_id AND l.error IS NULL AND l.moved_out = TRUE"
                + " WHERE r.site_id = ? AND r.status = 'ACTIVE'",
            importId,
            siteId);
    long missing =
        full
            ? single(
                "SELECT COUNT(*) FROM recipient r WHERE r.site_id = ? AND r.status = 'ACTIVE'"
                    + " AND r.source = 'IMPORT' AND NOT EXISTS (SELECT 1 FROM import_line l"
                    + " WHERE l.import_id = ? AND l.external_id = r.external_id)",
                siteId,
                importId)
            : 0;
    long active =
        single("SELECT COUNT(*) FROM recipient WHERE site_id = ? AND status = 'ACTIVE'", siteId);
    return new long[] {byStatus + missing, active};
  }

  /**
   * Active imported residents of the site whose id the file does not hold, after a recipient id, in
   * id order.
   */
  public List<Long> missingResidents(long importId, long siteId, long afterId) {
    List<Long> ids = new ArrayList<>();
    query(
        "SELECT r.id FROM recipient r WHERE r.site_id = ? AND r.status = 'ACTIVE'"
            + " AND r.source = 'IMPORT' AND r.id > ? AND NOT EXISTS (SELECT 1 FROM import_line l"
            + " WHERE l.import_id = ? AND l.external_id = r.external_id) ORDER BY r.id",
        rs -> ids.add(rs.getLong(1)),
        siteId,
        afterId,
        importId);
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

  private long single(String sql, Object... args) {
    long[] result = new long[1];
    query(sql, rs -> result[0] = rs.getLong(1), args);
    return result[0];
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.executeUpdate();
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
