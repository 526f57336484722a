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
import com.smartpackageroom.ejb.platform.Database;
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
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * <p>Set-based, a few statements per chunk ({@link LineRange}): the unchanged lines, found by one
 * join when the step starts ({@link PendingRangeReader}), are only counted; the others are read
 * with their recipients in two queries; new recipients go in with one COPY (multi-row inserts on
 * H2), changed ones with one batch of updates, and the keys, audit events and welcome messages of
 * the new ones in bulk ({@link BulkKeys}). The counts and the last line applied are written in the
 * chunk's transaction, so a resumed run goes on after it.
 */
@Named
@Dependent
public class RecipientUpsert extends AbstractItemWriter {

  /** Ids the recipient sequence hands out at a time (its INCREMENT, the entity's allocation). */
  private static final int SEQUENCE_BLOCK = 50;

  private static final String RECIPIENT_COLUMNS =
      "id, site_id, external_id, first_name, last_name, sort_name, unit, email, phone, status,"
          + " source, created_at, updated_at, version, import_hash, import_version";

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
    Types.BIGINT,
    Types.BIGINT,
    Types.BIGINT
  };

  /** The recipients of the chunk's resident ids (H2). */
  private static final String KNOWN =
      "SELECT id, external_id, status, first_name, last_name, unit, email, phone, version,"
          + " import_hash, import_version FROM recipient WHERE site_id = ? AND external_id IN (";

  /**
   * The same on PostgreSQL, one look-up of the unique index of (site, id) for each id: the LIMIT
   * keeps the planner from turning it into a join that scans the site.
   */
  private static final String KNOWN_EACH =
      "SELECT r.id, x.e, r.status, r.first_name, r.last_name, r.unit, r.email, r.phone,"
          + " r.version, r.import_hash, r.import_version FROM unnest(?) AS x(e) CROSS JOIN LATERAL"
          + " (SELECT id, status, first_name, last_name, unit, email, phone, version, import_hash,"
          + " import_version FROM recipient WHERE site_id = ? AND external_id = x.e LIMIT 1) r";

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
      String phone,
      long version,
      Long importHash,
      Long importVersion) {

    /** Whether the recipient remembers the line of this fingerprint as the last applied. */
    boolean remembers(Long fingerprint) {
      return fingerprint != null
          && fingerprint.equals(importHash)
          && importVersion != null
          && importVersion == version;
    }
  }

  @Override
  public void writeItems(List<Object> items) {
    // the run's hold on the import's row first: a lost run changes nothing (RunLost)
    lines.claim(ImportJob.importId(job), ImportJob.run(job));
    for (Object item : items) {
      write((LineRange) item);
    }
  }

  private void write(LineRange range) {
    long importId = ImportJob.importId(job);
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    counts.put(Outcome.UNCHANGED, range.unchanged());
    if (range.work().length > 0) {
      RecipientImport imp = records.find(importId);
      Site site = em.find(Site.class, imp.getSiteId());
      List<ImportLines.StoredRow> rows = lines.rows(importId, range.work());
      try (Connection c = dataSource.getConnection()) {
        apply(c, site, ImportJob.caller(importId), Times.now(clock), rows, counts);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not apply lines of import " + importId, e);
      }
    }
    lines.applied(
        importId,
        ImportJob.run(job),
        range.to(),
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
      List<ImportLines.StoredRow> rows,
      Map<Outcome, Long> counts)
      throws SQLException {
    long siteId = site.getId();
    Map<String, Known> known = new HashMap<>();
    List<String> ids = rows.stream().map(r -> r.row().externalId()).toList();
    if (Database.isPostgres(c)) {
      // one index look-up per id, whatever the planner believes of the site's size (its
      // statistics lag behind a table that an import fills)
      try (PreparedStatement ps = c.prepareStatement(KNOWN_EACH)) {
        ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
        ps.setLong(2, siteId);
        readKnown(ps, known);
      }
    } else {
      for (int start = 0; start < ids.size(); start += BulkSql.IN_LIST) {
        List<String> part = ids.subList(start, Math.min(ids.size(), start + BulkSql.IN_LIST));
        try (PreparedStatement ps = c.prepareStatement(KNOWN + BulkSql.marks(part.size()) + ")")) {
          ps.setLong(1, siteId);
          BulkSql.bindAll(ps, 2, part);
          readKnown(ps, known);
        }
      }
    }
    List<ImportLines.StoredRow> fresh = new ArrayList<>();
    List<Object[]> changes = new ArrayList<>();
    // unchanged recipients that remember another line (or another version): this one now
    List<Object[]> remember = new ArrayList<>();
    List<Long> movedOut = new ArrayList<>();
    List<Long> movedIn = new ArrayList<>();
    // the holders to welcome, in the order of the file: new residents and those moved back in
    Map<Long, Holder> welcome = new java.util.LinkedHashMap<>();
    for (ImportLines.StoredRow stored : rows) {
      ResidentRow row = stored.row();
      Known r = known.get(row.externalId());
      if (r == null) {
        fresh.add(stored);
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
              stored.fingerprint(),
              r.id(),
              r.version()
            });
      } else if (stored.fingerprint() != null && !r.remembers(stored.fingerprint())) {
        // the version read: a change made meanwhile is not taken for this line's doing
        remember.add(new Object[] {stored.fingerprint(), r.id(), r.version()});
      }
      counts.merge(outcome, 1L, Long::sum);
    }
    if (!fresh.isEmpty()) {
      long[] newIds = BulkSql.nextIds(c, "recipient_seq", fresh.size(), SEQUENCE_BLOCK);
      List<Object[]> inserts = new ArrayList<>(fresh.size());
      for (int i = 0; i < fresh.size(); i++) {
        ResidentRow row = fresh.get(i).row();
        Long fingerprint = fresh.get(i).fingerprint();
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
              1L,
              fingerprint,
              fingerprint == null ? null : 1L
            });
        if (!row.movedOut()) {
          welcome.put(newIds[i], holder(newIds[i], siteId, row));
        }
        counts.merge(Outcome.INSERTED, 1L, Long::sum);
      }
      BulkSql.insert(c, "recipient", RECIPIENT_COLUMNS, RECIPIENT_TYPES, inserts);
    }
    if (!changes.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE recipient SET first_name = ?, last_name = ?, sort_name = ?, unit = ?,"
                  + " email = ?, phone = ?, status = ?, updated_at = ?, version = version + 1,"
                  + " import_hash = ?, import_version = version + 1 WHERE id = ? AND version = ?")) {
        int[] types = {
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.TIMESTAMP_WITH_TIMEZONE,
          Types.BIGINT,
          Types.BIGINT,
          Types.BIGINT
        };
        for (Object[] change : changes) {
          for (int i = 0; i < change.length; i++) {
            BulkSql.bind(ps, i + 1, change[i], types[i]);
          }
          ps.addBatch();
        }
        int[] updated = ps.executeBatch();
        for (int i = 0; i < updated.length; i++) {
          if (updated[i] == 0) {
            // changed by someone else since it was read: the chunk is undone and tried again
            // (the job retries it), so that no line is applied to what it did not compare with
            throw new OptimisticLockException(
                "Recipient " + changes.get(i)[9] + " changed while the import applied its line");
          }
        }
      }
    }
    if (!remember.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE recipient SET import_hash = ?, import_version = version"
                  + " WHERE id = ? AND version = ?")) {
        for (Object[] r : remember) {
          ps.setLong(1, (Long) r[0]);
          ps.setLong(2, (Long) r[1]);
          ps.setLong(3, (Long) r[2]);
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

  private static void readKnown(PreparedStatement ps, Map<String, Known> known)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        known.put(
            rs.getString(2),
            new Known(
                rs.getLong(1),
                RecipientStatus.ACTIVE.name().equals(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getLong(9),
                (Long) rs.getObject(10, Long.class),
                (Long) rs.getObject(11, Long.class)));
      }
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
}
