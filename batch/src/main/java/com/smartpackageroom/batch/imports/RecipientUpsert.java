package com.smartpackageroom.batch.imports;

import com.smartpackageroom.batch.imports.ImportLines.Outcome;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.imports.ResidentRow;
import com.smartpackageroom.domain.recipient.RecipientSource;
import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.PersonName;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.accesskey.BulkKeys;
import com.smartpackageroom.ejb.accesskey.Holder;
import com.smartpackageroom.ejb.platform.BulkSql;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies a chunk of lines to the site's recipients, matched by their external id: new residents
 * are added (and get their PIN and QR code), changed ones updated, those whose status says they
 * left move out and their keys stop working.
 *
 * <p>Set-based, a few statements per chunk: the unchanged lines are found and marked by one UPDATE
 * in the database; the others are read with their recipient in one query; new recipients go in with
 * multi-row inserts, changed ones with one batch of updates, and the keys, audit events and welcome
 * messages of the new ones in bulk ({@link BulkKeys}).
 */
@Named
@Dependent
public class RecipientUpsert extends AbstractItemWriter {

  /** Ids the recipient sequence hands out at a time (its INCREMENT, the entity's allocation). */
  private static final int SEQUENCE_BLOCK = 50;

  private static final String RECIPIENT_COLUMNS =
      "id, site_id, external_id, first_name, last_name, sort_name, unit, email, phone, status,"
          + " source, created_at, updated_at, version";

  private static final int[] RECIPIENT_TYPES = {
    Types.BIGINT,
    Types.BIGINT,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.TIMESTAMP_WITH_TIMEZONE,
    Types.TIMESTAMP_WITH_TIMEZONE,
    Types.BIGINT
  };

  /** Lines whose recipient already holds exactly what they say: nothing to write but the mark. */
  private static final String MARK_UNCHANGED =
      "UPDATE import_line SET outcome = 'UNCHANGED' WHERE import_id = ? AND line BETWEEN ? AND ?"
          + " AND error IS NULL AND outcome IS NULL AND EXISTS (SELECT 1 FROM recipient r"
          + " WHERE r.site_id = ? AND r.external_id = import_line.external_id"
          + " AND r.first_name = import_line.first_name AND r.last_name = import_line.last_name"
          + " AND r.unit = import_line.unit"
          + " AND r.email IS NOT DISTINCT FROM import_line.email"
          + " AND r.phone IS NOT DISTINCT FROM import_line.phone"
          + " AND (r.status = 'ACTIVE') = (import_line.moved_out = FALSE)"
          + " AND r.external_id IN (";

  /** The lines left, with the recipient of their resident id if there is one. */
  private static final String REST =
      "SELECT l.line, r.id, r.status, r.first_name, r.last_name, r.unit, r.email, r.phone"
          + " FROM import_line l LEFT JOIN recipient r ON r.site_id = ?"
          + " AND r.external_id = l.external_id%s WHERE l.import_id = ? AND l.line BETWEEN ? AND ?"
          + " AND l.error IS NULL AND l.outcome IS NULL";

  /** The same recipients, named by their ids: found through the site's index of ids. */
  private static final String REST_IDS = " AND r.external_id IN (";

  @Inject JobContext job;

  @Inject ImportLines lines;

  @Inject BulkKeys keys;

  @EJB ImportRecords records;

  @Inject Clock clock;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "spr.import.issue-keys", defaultValue = "true")
  boolean issueKeys;

  /** A recipient as stored, for a line that names it. */
  private record Known(
      long id,
      boolean active,
      String firstName,
      String lastName,
      String unit,
      String email,
      String phone) {}

  @Override
  public void writeItems(List<Object> items) {
    if (items.isEmpty()) {
      return;
    }
    long importId = ImportJob.importId(job);
    RecipientImport imp = records.find(importId);
    Site site = em.find(Site.class, imp.getSiteId());
    long siteId = site.getId();
    Caller caller = ImportJob.caller(importId);
    OffsetDateTime now = Times.now(clock);
    List<ResidentRow> rows = items.stream().map(ResidentRow.class::cast).toList();
    long from = rows.get(0).line();
    long to = rows.get(rows.size() - 1).line();
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    Map<Outcome, List<Long>> marks = new EnumMap<>(Outcome.class);
    try (Connection c = dataSource.getConnection()) {
      long unchanged;
      // the chunk's ids spelled out: the planner then finds their recipients through the index
      // of (site, id) whatever it guesses of the site's size, instead of hashing the whole site
      List<String> ids = rows.stream().map(ResidentRow::externalId).toList();
      try (PreparedStatement ps =
          c.prepareStatement(MARK_UNCHANGED + BulkSql.marks(ids.size()) + "))")) {
        ps.setLong(1, importId);
        ps.setLong(2, from);
        ps.setLong(3, to);
        ps.setLong(4, siteId);
        BulkSql.bindAll(ps, 5, ids);
        unchanged = ps.executeUpdate();
      }
      counts.put(Outcome.UNCHANGED, unchanged);
      if (unchanged < rows.size()) {
        apply(c, site, caller, now, importId, rows, from, to, counts, marks);
      }
      for (Map.Entry<Outcome, List<Long>> e : marks.entrySet()) {
        mark(c, importId, e.getKey(), e.getValue());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not apply lines of import " + importId, e);
    }
    lines.count(
        importId,
        0,
        0,
        counts.getOrDefault(Outcome.INSERTED, 0L),
        counts.getOrDefault(Outcome.UPDATED, 0L),
        counts.getOrDefault(Outcome.UNCHANGED, 0L),
        counts.getOrDefault(Outcome.MOVED_OUT, 0L));
  }

  private void apply(
      Connection c,
      Site site,
      Caller caller,
      OffsetDateTime now,
      long importId,
      List<ResidentRow> rows,
      long from,
      long to,
      Map<Outcome, Long> counts,
      Map<Outcome, List<Long>> marks)
      throws SQLException {
    long siteId = site.getId();
    Map<Long, Known> known = new HashMap<>();
    java.util.Set<Long> pending = new java.util.HashSet<>();
    List<String> ids = rows.stream().map(ResidentRow::externalId).toList();
    try (PreparedStatement ps =
        c.prepareStatement(String.format(REST, REST_IDS + BulkSql.marks(ids.size()) + ")"))) {
      ps.setLong(1, siteId);
      int next = BulkSql.bindAll(ps, 2, ids);
      ps.setLong(next, importId);
      ps.setLong(next + 1, from);
      ps.setLong(next + 2, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long line = rs.getLong(1);
          pending.add(line);
          long id = rs.getLong(2);
          if (!rs.wasNull()) {
            known.put(
                line,
                new Known(
                    id,
                    RecipientStatus.ACTIVE.name().equals(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)));
          }
        }
      }
    }
    List<ResidentRow> fresh = new ArrayList<>();
    List<Object[]> changes = new ArrayList<>();
    List<Long> movedOut = new ArrayList<>();
    List<Long> movedIn = new ArrayList<>();
    // the holders to welcome, in the order of the file: new residents and those moved back in
    Map<Long, Holder> welcome = new java.util.LinkedHashMap<>();
    for (ResidentRow row : rows) {
      if (!pending.contains(row.line())) {
        continue; // found unchanged by the database
      }
      Known r = known.get(row.line());
      if (r == null) {
        fresh.add(row);
        continue;
      }
      boolean changed =
          !(Objects.equals(r.firstName(), row.firstName())
              && Objects.equals(r.lastName(), row.lastName())
              && Objects.equals(r.unit(), row.unit())
              && Objects.equals(r.email(), row.email())
              && Objects.equals(r.phone(), row.phone()));
      Outcome outcome = changed ? Outcome.UPDATED : Outcome.UNCHANGED;
      boolean active = r.active();
      if (row.movedOut() && r.active()) {
        active = false;
        movedOut.add(r.id());
        outcome = Outcome.MOVED_OUT;
      } else if (!row.movedOut() && !r.active()) {
        active = true;
        movedIn.add(r.id());
        welcome.put(r.id(), holder(r.id(), siteId, row));
        outcome = Outcome.UPDATED;
      }
      if (outcome != Outcome.UNCHANGED) {
        changes.add(
            new Object[] {
              row.firstName(),
              row.lastName(),
              PersonName.sortKey(row.firstName(), row.lastName()),
              row.unit(),
              row.email(),
              row.phone(),
              (active ? RecipientStatus.ACTIVE : RecipientStatus.MOVED_OUT).name(),
              now,
              r.id()
            });
      }
      tally(outcome, row.line(), counts, marks);
    }
    if (!fresh.isEmpty()) {
      long[] newIds = BulkSql.nextIds(c, "recipient_seq", fresh.size(), SEQUENCE_BLOCK);
      List<Object[]> inserts = new ArrayList<>(fresh.size());
      for (int i = 0; i < fresh.size(); i++) {
        ResidentRow row = fresh.get(i);
        inserts.add(
            new Object[] {
              newIds[i],
              siteId,
              row.externalId(),
              row.firstName(),
              row.lastName(),
              PersonName.sortKey(row.firstName(), row.lastName()),
              row.unit(),
              row.email(),
              row.phone(),
              (row.movedOut() ? RecipientStatus.MOVED_OUT : RecipientStatus.ACTIVE).name(),
              RecipientSource.IMPORT.name(),
              now,
              now,
              1L
            });
        if (!row.movedOut()) {
          welcome.put(newIds[i], holder(newIds[i], siteId, row));
        }
        tally(Outcome.INSERTED, row.line(), counts, marks);
      }
      BulkSql.insert(c, "recipient", RECIPIENT_COLUMNS, RECIPIENT_TYPES, inserts);
    }
    if (!changes.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE recipient SET first_name = ?, last_name = ?, sort_name = ?, unit = ?,"
                  + " email = ?, phone = ?, status = ?, updated_at = ?, version = version + 1"
                  + " WHERE id = ?")) {
        int[] types = {
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.TIMESTAMP_WITH_TIMEZONE,
          Types.BIGINT
        };
        for (Object[] change : changes) {
          for (int i = 0; i < change.length; i++) {
            BulkSql.bind(ps, i + 1, change[i], types[i]);
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    keys.deactivateAllOfRecipients(caller, movedOut, now);
    if (issueKeys) {
      // moved back in: a new PIN only for those whose keys all stopped working
      Set<Long> holding = keys.withActiveKey(movedIn);
      welcome.keySet().removeAll(holding);
      keys.welcome(caller, site, new ArrayList<>(welcome.values()), now);
    }
  }

  private static Holder holder(long id, long siteId, ResidentRow row) {
    return new Holder(
        HolderKind.RECIPIENT,
        id,
        siteId,
        PersonName.display(row.firstName(), row.lastName()),
        true,
        row.email(),
        row.phone());
  }

  private static void tally(
      Outcome outcome, long line, Map<Outcome, Long> counts, Map<Outcome, List<Long>> marks) {
    counts.merge(outcome, 1L, Long::sum);
    marks.computeIfAbsent(outcome, o -> new ArrayList<>()).add(line);
  }

  private static void mark(Connection c, long importId, Outcome outcome, List<Long> lineNumbers)
      throws SQLException {
    for (int start = 0; start < lineNumbers.size(); start += BulkSql.IN_LIST) {
      List<Long> part =
          lineNumbers.subList(start, Math.min(lineNumbers.size(), start + BulkSql.IN_LIST));
      // the range bounds the scan of the primary key even in a generic plan, where PostgreSQL
      // may test the list only as a filter on all of the import's lines
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE import_line SET outcome = ? WHERE import_id = ? AND line BETWEEN ? AND ?"
                  + " AND line IN ("
                  + BulkSql.marks(part.size())
                  + ")")) {
        ps.setString(1, outcome.name());
        ps.setLong(2, importId);
        ps.setLong(3, Collections.min(part));
        ps.setLong(4, Collections.max(part));
        BulkSql.bindAll(ps, 5, part);
        ps.executeUpdate();
      }
    }
  }
}
