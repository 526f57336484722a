package com.smartpackageroom.ejb.audit;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
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

  private static final String INSERT =
      "INSERT INTO audit_event (site_id, occurred_at, type, actor, key_id, key_type, holder_kind,"
          + " holder_id, kiosk_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final int MAX_DETAIL = 500;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject Clock clock;

  public void record(Long siteId, AuditEventType type, String actor) {
    record(siteId, type, actor, null, null);
  }

  public void record(Long siteId, AuditEventType type, String actor, Long kioskId, String detail) {
    write(siteId, type, actor, null, kioskId, detail);
  }

  /** An event about an access key; the key must have its id already. */
  public void recordKey(AuditEventType type, String actor, AccessKey key) {
    recordKey(type, actor, key, null, null);
  }

  public void recordKey(
      AuditEventType type, String actor, AccessKey key, Long kioskId, String detail) {
    write(key.getSiteId(), type, actor, key, kioskId, detail);
  }

  /** An event about a key holder as a whole, such as a recipient's erasure. */
  public void recordHolder(
      Long siteId, AuditEventType type, String actor, HolderKind holderKind, Long holderId) {
    insert(siteId, type, actor, null, null, holderKind.name(), holderId, null, null);
  }

  private void write(
      Long siteId, AuditEventType type, String actor, AccessKey key, Long kioskId, String detail) {
    if (key == null) {
      insert(siteId, type, actor, null, null, null, null, kioskId, detail);
      return;
    }
    if (key.getId() == null) {
      throw new IllegalStateException("an access key is audited once it has its id");
    }
    insert(
        siteId,
        type,
        actor,
        key.getId(),
        key.getType().name(),
        key.getHolderKind().name(),
        key.getHolderId(),
        kioskId,
        detail);
  }

  /**
   * An event about an access key read without its entity, written with the caller's connection
   * (in its transaction, or committed at once if it has none).
   */
  public void recordKey(
      Connection connection,
      Long siteId,
      AuditEventType type,
      String actor,
      long keyId,
      AccessKeyType keyType,
      HolderKind holderKind,
      long holderId,
      Long kioskId,
      String detail)
      throws SQLException {
    insert(connection, siteId, type, actor, keyId, keyType.name(), holderKind.name(), holderId, kioskId, detail);
  }

  private void insert(
      Long siteId,
      AuditEventType type,
      String actor,
      Long keyId,
      String keyType,
      String holderKind,
      Long holderId,
      Long kioskId,
      String detail) {
    // the container hands out the connection of the caller's transaction
    try (Connection connection = dataSource.getConnection()) {
      insert(connection, siteId, type, actor, keyId, keyType, holderKind, holderId, kioskId, detail);
    } catch (SQLException e) {
      throw new IllegalStateException("The audit log cannot be written: " + e.getMessage(), e);
    }
  }

  private void insert(
      Connection connection,
      Long siteId,
      AuditEventType type,
      String actor,
      Long keyId,
      String keyType,
      String holderKind,
      Long holderId,
      Long kioskId,
      String detail)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      setLong(insert, 1, siteId);
      insert.setObject(2, Times.now(clock));
      insert.setString(3, type.name());
      insert.setString(4, actor);
      setLong(insert, 5, keyId);
      insert.setString(6, keyType);
      insert.setString(7, holderKind);
      setLong(insert, 8, holderId);
      setLong(insert, 9, kioskId);
      insert.setString(
          10, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
      insert.executeUpdate();
    }
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
