package com.smartpackageroom.ejb.audit;

import com.smartpackageroom.domain.audit.AuditEvent;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.platform.CsvWriter;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a site's audit log, newest first, filtered by time, actor, kiosk and event type: a page
 * (one query and one count, on the indexes of V1, V8 and V8_5) or a CSV export streamed row by row.
 */
@Stateless
public class AuditQueries {

  /** The export's columns. */
  static final Object[] CSV_HEADER = {
    "id",
    "occurredAt",
    "localTime",
    "type",
    "actor",
    "kioskId",
    "keyId",
    "keyType",
    "holderKind",
    "holderId",
    "detail"
  };

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject SiteGuard guard;

  @Inject
  @ConfigProperty(name = "spr.audit.export-max-rows", defaultValue = "100000")
  int exportMaxRows;

  public Page<AuditEventView> list(Caller caller, Long siteId, PageRequest page) {
    return list(caller, siteId, AuditFilter.NONE, page);
  }

  public Page<AuditEventView> list(
      Caller caller, Long siteId, AuditFilter filter, PageRequest page) {
    guard.site(caller, siteId, Permission.VIEW_AUDIT);
    Conditions where = Conditions.of(siteId, filter);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE " + where.jpql(), Long.class);
    TypedQuery<AuditEvent> select =
        em.createQuery(
            "SELECT e FROM AuditEvent e WHERE " + where.jpql() + where.jpqlOrder(),
            AuditEvent.class);
    where.bind(count);
    where.bind(select);
    var items =
        select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
            .map(AuditEventView::of)
            .toList();
    return new Page<>(items, count.getSingleResult(), page.page(), page.size());
  }

  /**
   * The names of the key holders the events name, as {@code "KIND:id"} to "First Last" (a courier:
   * its name): only holders of the site itself (its residents and couriers, its staff and the
   * administrators), three queries at most. An event whose holder is gone (erased) has no name.
   */
  public Map<String, String> holderNames(
      Caller caller, Long siteId, Collection<AuditEventView> events) {
    guard.site(caller, siteId, Permission.VIEW_AUDIT);
    Map<String, List<Long>> byKind = new HashMap<>();
    for (AuditEventView e : events) {
      if (e.holderKind() != null && e.holderId() != null) {
        List<Long> ids = byKind.computeIfAbsent(e.holderKind(), k -> new ArrayList<>());
        if (!ids.contains(e.holderId())) {
          ids.add(e.holderId());
        }
      }
    }
    Map<String, String> names = new HashMap<>();
    byKind.forEach(
        (kind, ids) -> {
          List<String> queries =
              switch (kind) {
                case "RECIPIENT" ->
                    List.of(
                        "SELECT r.id, r.firstName, r.lastName FROM Recipient r"
                            + " WHERE r.siteId = :site AND r.id IN :ids");
                case "COURIER" ->
                    List.of(
                        "SELECT c.id, c.name FROM Courier c"
                            + " WHERE c.siteId = :site AND c.id IN :ids");
                  // the site's staff, and the administrators (of every site)
                case "STAFF" ->
                    List.of(
                        "SELECT a.id, a.firstName, a.lastName FROM Account a JOIN a.sites s"
                            + " WHERE s.id = :site AND a.id IN :ids",
                        "SELECT a.id, a.firstName, a.lastName FROM Account a"
                            + " WHERE a.role = :admin AND a.id IN :ids");
                default -> List.of();
              };
          for (String jpql : queries) {
            var query = em.createQuery(jpql, Object[].class).setParameter("ids", ids);
            if (jpql.contains(":admin")) {
              query.setParameter("admin", com.smartpackageroom.domain.account.Role.ADMINISTRATOR);
            } else {
              query.setParameter("site", siteId);
            }
            for (Object[] row : query.getResultList()) {
              String last = row.length > 2 ? (String) row[2] : null;
              names.put(
                  kind + ":" + row[0],
                  last == null || last.isEmpty() ? (String) row[1] : row[1] + " " + last);
            }
          }
        });
    return names;
  }

  /** How many events the filter selects; checks the caller may read the site's log. */
  public long count(Caller caller, Long siteId, AuditFilter filter) {
    guard.site(caller, siteId, Permission.VIEW_AUDIT);
    Conditions where = Conditions.of(siteId, filter);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE " + where.jpql(), Long.class);
    where.bind(count);
    return count.getSingleResult();
  }

  /**
   * Writes the events the filter selects as CSV, newest first, read from the database in batches
   * while they are written (never all in memory); at most spr.audit.export-max-rows of them, and
   * then a last line that says the export stopped there.
   *
   * @return the events written
   */
  public long exportCsv(Caller caller, Long siteId, AuditFilter filter, Writer out) {
    Site site = guard.site(caller, siteId, Permission.VIEW_AUDIT);
    ZoneId zone = site.getTimeZone();
    Conditions where = Conditions.of(siteId, filter);
    CsvWriter csv = new CsvWriter(out);
    csv.row(CSV_HEADER);
    long written = 0;
    boolean more = false;
    // the connection of this method's transaction: PostgreSQL then reads with a cursor
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, occurred_at, type, actor, kiosk_id, key_id, key_type, holder_kind,"
                    + " holder_id, detail FROM audit_event WHERE "
                    + where.sql()
                    + where.sqlOrder()
                    + " FETCH FIRST "
                    + (exportMaxRows + 1)
                    + " ROWS ONLY")) {
      where.bind(select);
      select.setFetchSize(1000);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          if (written == exportMaxRows) {
            more = true;
            break;
          }
          OffsetDateTime at = rows.getObject(2, OffsetDateTime.class);
          csv.row(
              rows.getLong(1),
              Times.instant(at),
              at == null ? null : LOCAL_TIME.format(at.atZoneSameInstant(zone)),
              rows.getString(3),
              rows.getString(4),
              rows.getObject(5),
              rows.getObject(6),
              rows.getString(7),
              rows.getString(8),
              rows.getObject(9),
              rows.getString(10));
          written++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The audit log could not be read: " + e.getMessage(), e);
    }
    if (more) {
      csv.row(
          "# The export stops at "
              + exportMaxRows
              + " events (spr.audit.export-max-rows); narrow the dates or filters for the rest");
    }
    csv.flush();
    return written;
  }

  /** The filter as a WHERE clause, for JPQL (the page) and SQL (the export) alike. */
  private static final class Conditions {

    private final List<String> jpql = new ArrayList<>();
    private final List<String> sql = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private boolean timed;

    static Conditions of(Long siteId, AuditFilter filter) {
      Conditions c = new Conditions();
      c.add("e.siteId", "site_id", "=", siteId);
      c.timed = filter.from() != null || filter.to() != null;
      if (filter.from() != null) {
        c.add("e.occurredAt", "occurred_at", ">=", Times.utc(filter.from()));
      }
      if (filter.to() != null) {
        c.add("e.occurredAt", "occurred_at", "<", Times.utc(filter.to()));
      }
      if (filter.actor() != null) {
        c.add("e.actor", "actor", "=", filter.actor());
      }
      if (filter.kioskId() != null) {
        c.add("e.kioskId", "kiosk_id", "=", filter.kioskId());
      }
      if (filter.type() != null) {
        c.add("e.type", "type", "=", filter.type());
      }
      return c;
    }

    private void add(String field, String column, String operator, Object value) {
      values.add(value);
      jpql.add(field + " " + operator + " ?" + values.size());
      sql.add(column + " " + operator + " ?");
    }

    /**
     * Newest first. Within a time range by time (then id), read backwards along the index on (site,
     * time, id): ordered by id alone, PostgreSQL would walk back from the newest event of all to
     * the range, through millions for a range a year ago. Ids follow the time they were written.
     */
    String jpqlOrder() {
      return timed ? " ORDER BY e.occurredAt DESC, e.id DESC" : " ORDER BY e.id DESC";
    }

    String sqlOrder() {
      return timed ? " ORDER BY occurred_at DESC, id DESC" : " ORDER BY id DESC";
    }

    String jpql() {
      return String.join(" AND ", jpql);
    }

    String sql() {
      return String.join(" AND ", sql);
    }

    void bind(TypedQuery<?> query) {
      for (int i = 0; i < values.size(); i++) {
        query.setParameter(i + 1, values.get(i));
      }
    }

    void bind(PreparedStatement statement) throws SQLException {
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        statement.setObject(i + 1, value instanceof Enum<?> e ? e.name() : value);
      }
    }
  }
}
