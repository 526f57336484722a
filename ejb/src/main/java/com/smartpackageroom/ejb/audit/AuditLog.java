package com.smartpackageroom.ejb.audit;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Appends to the audit log, in the caller's transaction: the event stands or falls with it.
 *
 * <p>Events are written with a plain insert whose id the database gives (V3 migration): the JPA
 * provider's id allocation takes a lock that every busy kiosk would queue for, and an audit event
 * is never changed afterwards, so nothing is lost by not managing it as an entity.
 */
@ApplicationScoped
public class AuditLog {

  /** The columns an event is written with, in this order; the database gives its id. */
  public static final String COLUMNS =
      "site_id, occurred_at, type, actor, key_id, key_type, holder_kind, holder_id, kiosk_id,"
          + " detail";

  private static final String INSERT =
      "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final int MAX_DETAIL = 500;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject Clock clock;

  /** One row of the audit log as it is written. */
  private record Row(
      Long siteId,
      OffsetDateTime occurredAt,
      AuditEventType type,
      String actor,
      Long keyId,
      String keyType,
      String holderKind,
      Long holderId,
      Long kioskId,
      String detail) {}

  public void record(Long siteId, AuditEventType type, String actor) {
    record(siteId, type, actor, null, null);
  }

  public void record(Long siteId, AuditEventType type, String actor, Long kioskId, String detail) {
    insert(new Row(siteId, now(), type, actor, null, null, null, null, kioskId, detail));
  }

  /** An event about an access key; the key must have its id already. */
  public void recordKey(AuditEventType type, String actor, AccessKey key) {
    recordKey(type, actor, key, null, null);
  }

  public void recordKey(
      AuditEventType type, String actor, AccessKey key, Long kioskId, String detail) {
    if (key.getId() == null) {
      throw new IllegalStateException("an access key is audited once it has its id");
    }
    insert(
        new Row(
            key.getSiteId(),
            now(),
            type,
            actor,
            key.getId(),
            key.getType().name(),
            key.getHolderKind().name(),
            key.getHolderId(),
            kioskId,
            detail));
  }

  /** An event about a key holder as a whole, such as a recipient's erasure. */
  public void recordHolder(
      Long siteId, AuditEventType type, String actor, HolderKind holderKind, Long holderId) {
    insert(
        new Row(siteId, now(), type, actor, null, null, holderKind.name(), holderId, null, null));
  }

  private OffsetDateTime now() {
    return Times.now(clock);
  }

  private void insert(Row row) {
    // the container hands out the connection of the caller's transaction
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, row);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("The audit log cannot be written: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement insert, Row row) throws SQLException {
    setLong(insert, 1, row.siteId());
    insert.setObject(2, row.occurredAt());
    insert.setString(3, row.type().name());
    insert.setString(4, row.actor());
    setLong(insert, 5, row.keyId());
    insert.setString(6, row.keyType());
    insert.setString(7, row.holderKind());
    setLong(insert, 8, row.holderId());
    setLong(insert, 9, row.kioskId());
    insert.setString(10, detail(row.detail()));
  }

  /** A detail as it is stored: cut to the column's length. */
  public static String detail(String detail) {
    return detail == null || detail.length() <= MAX_DETAIL
        ? detail
        : detail.substring(0, MAX_DETAIL);
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
