package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.notification.NotificationStatus;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.platform.BulkSql;
import com.smartpackageroom.ejb.platform.Database;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The keys of many recipients at once, for the import: new residents' PINs and QR codes, and what
 * {@link KeyLifecycle#deactivateAllOf} does for one, done set-based in the caller's transaction
 * with the same rows, audit events and messages. PINs are drawn in bulk: every one is free (held by
 * no live key, not retired, or past its quarantine, whose retirement then ends) by the same draw as
 * {@link KeyValues#newPin}.
 */
@ApplicationScoped
public class BulkKeys {

  /** Ids the JPA sequences hand out at a time (their INCREMENT). */
  private static final int SEQUENCE_BLOCK = 50;

  private static final String KEY_COLUMNS =
      "id, site_id, type, status, lookup_hash, secret_enc, holder_kind, holder_id, recipient_id,"
          + " single_use, kiosk_requested, created_at, updated_at, version";

  private static final int[] KEY_TYPES = {
    Types.BIGINT,
    Types.BIGINT,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.BIGINT,
    Types.BIGINT,
    Types.BOOLEAN,
    Types.BOOLEAN,
    Types.TIMESTAMP_WITH_TIMEZONE,
    Types.TIMESTAMP_WITH_TIMEZONE,
    Types.BIGINT
  };

  private static final int[] AUDIT_TYPES = {
    Types.BIGINT,
    Types.TIMESTAMP_WITH_TIMEZONE,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.BIGINT,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.BIGINT,
    Types.BIGINT,
    Types.VARCHAR
  };

  private static final String NOTIFICATION_COLUMNS =
      "id, site_id, kind, channel, address, subject, template, key_id, qr_key_id, status,"
          + " attempts, created_at, next_attempt_at, bulk";

  private static final int[] NOTIFICATION_TYPES = {
    Types.BIGINT,
    Types.BIGINT,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.VARCHAR,
    Types.BIGINT,
    Types.BIGINT,
    Types.VARCHAR,
    Types.INTEGER,
    Types.TIMESTAMP_WITH_TIMEZONE,
    Types.TIMESTAMP_WITH_TIMEZONE,
    Types.BOOLEAN
  };

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject KeyValues values;

  @Inject SecretBox box;

  @Inject AccessKeyMessages messages;

  /**
   * New residents' PINs and QR codes, audited as "welcome", each announced by email (or by SMS when
   * there is no email): the import's way of giving new residents their keys.
   *
   * @throws DomainException pin-space-exhausted when the site has too few free PINs left
   */
  public void welcome(Caller caller, Site site, List<Holder> holders, OffsetDateTime now) {
    if (holders.isEmpty()) {
      return;
    }
    long siteId = site.getId();
    try (Connection c = dataSource.getConnection()) {
      List<Map.Entry<String, String>> pins =
          new ArrayList<>(values.drawPins(c, siteId, holders.size(), now).entrySet());
      long[] keyIds = BulkSql.nextIds(c, "access_key_seq", 2 * holders.size(), SEQUENCE_BLOCK);
      List<Object[]> keys = new ArrayList<>(2 * holders.size());
      List<Object[]> audit = new ArrayList<>(2 * holders.size());
      List<Object[]> notes = new ArrayList<>(holders.size());
      for (int i = 0; i < holders.size(); i++) {
        Holder h = holders.get(i);
        String pin = pins.get(i).getValue();
        String token = values.newQrToken();
        long pinKey = keyIds[2 * i];
        long qrKey = keyIds[2 * i + 1];
        keys.add(
            key(pinKey, siteId, AccessKeyType.PIN, pins.get(i).getKey(), box.seal(pin), h, now));
        keys.add(
            key(
                qrKey,
                siteId,
                AccessKeyType.QR,
                values.hash(siteId, AccessKeyType.QR, token),
                box.seal(token),
                h,
                now));
        audit.add(welcomeEvent(siteId, now, caller, pinKey, AccessKeyType.PIN, h));
        audit.add(welcomeEvent(siteId, now, caller, qrKey, AccessKeyType.QR, h));
        Channel channel = h.email() != null ? Channel.EMAIL : Channel.SMS;
        String address = channel == Channel.EMAIL ? h.email() : h.phone();
        if (address != null) {
          // rendered when it is sent (Letters), from the PIN sealed in its key: the words of
          // AccessKeyMessages#welcome, without a sealed copy of them per resident
          boolean email = channel == Channel.EMAIL;
          notes.add(
              new Object[] {
                null,
                siteId,
                NotificationKind.ACCESS_KEY.name(),
                channel.name(),
                address,
                email ? AccessKeyMessages.WELCOME_SUBJECT : null,
                AccessKeyMessages.WELCOME_TEMPLATE,
                pinKey,
                email ? qrKey : null,
                NotificationStatus.PENDING.name(),
                0,
                now,
                now,
                // nobody waits for it at this moment: it goes after the messages someone does
                true
              });
        }
      }
      BulkSql.insert(c, "access_key", KEY_COLUMNS, KEY_TYPES, keys);
      BulkSql.insert(c, "audit_event", AuditLog.COLUMNS, AUDIT_TYPES, audit);
      long[] noteIds = BulkSql.nextIds(c, "notification_seq", notes.size(), SEQUENCE_BLOCK);
      for (int i = 0; i < notes.size(); i++) {
        notes.get(i)[0] = noteIds[i];
      }
      BulkSql.insert(c, "notification", NOTIFICATION_COLUMNS, NOTIFICATION_TYPES, notes);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not issue the keys of new residents", e);
    }
  }

  private static Object[] key(
      long id,
      long siteId,
      AccessKeyType type,
      String hash,
      String sealed,
      Holder h,
      OffsetDateTime now) {
    return new Object[] {
      id,
      siteId,
      type.name(),
      AccessKeyStatus.ACTIVE.name(),
      hash,
      sealed,
      HolderKind.RECIPIENT.name(),
      h.id(),
      h.id(),
      false,
      false,
      now,
      now,
      1L
    };
  }

  private static Object[] welcomeEvent(
      long siteId, OffsetDateTime now, Caller caller, long keyId, AccessKeyType type, Holder h) {
    return new Object[] {
      siteId,
      now,
      AuditEventType.KEY_GENERATED.name(),
      caller.actor(),
      keyId,
      type.name(),
      HolderKind.RECIPIENT.name(),
      h.id(),
      null,
      "welcome"
    };
  }

  /**
   * When recipients move out: their active keys stop working but are kept, each audited as
   * deactivated, as {@link KeyLifecycle#deactivateAllOf} does for one.
   */
  public void deactivateAllOfRecipients(
      Caller caller, Collection<Long> recipientIds, OffsetDateTime now) {
    if (recipientIds.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = Database.isPostgres(c);
      for (List<Long> part : BulkSql.inLists(recipientIds)) {
        // the range bounds the index scan even in a generic plan (see withActiveKey)
        String where =
            " FROM access_key WHERE holder_kind = 'RECIPIENT' AND holder_id BETWEEN "
                + Collections.min(part)
                + " AND "
                + Collections.max(part)
                + " AND holder_id IN ("
                + BulkSql.marks(part.size())
                + ") AND status = 'ACTIVE'";
        if (postgres) {
          // one statement: the keys it deactivates are the ones it audits; locked in the order of
          // their ids first, as the expiry of single access PINs locks them, so that the two never
          // wait for each other
          try (PreparedStatement ps =
              c.prepareStatement(
                  "WITH locked AS (SELECT id"
                      + where
                      + " ORDER BY id FOR UPDATE), gone AS (UPDATE access_key k SET status ="
                      + " 'INACTIVE', updated_at = ?, version = k.version + 1 FROM locked"
                      + " WHERE k.id = locked.id AND k.status = 'ACTIVE'"
                      + " RETURNING k.site_id, k.id, k.type, k.holder_kind, k.holder_id)"
                      + " INSERT INTO audit_event ("
                      + AuditLog.COLUMNS
                      + ") SELECT site_id, CAST(? AS TIMESTAMP WITH TIME ZONE), '"
                      + AuditEventType.KEY_DEACTIVATED.name()
                      + "', CAST(? AS VARCHAR(100)), id, type, holder_kind, holder_id, NULL, NULL"
                      + " FROM gone ORDER BY id")) {
            int next = BulkSql.bindAll(ps, 1, part);
            ps.setObject(next, now);
            ps.setObject(next + 1, now);
            ps.setString(next + 2, caller.actor());
            ps.executeUpdate();
          }
          continue;
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO audit_event ("
                    + AuditLog.COLUMNS
                    + ") SELECT site_id, CAST(? AS TIMESTAMP WITH TIME ZONE), '"
                    + AuditEventType.KEY_DEACTIVATED.name()
                    + "', CAST(? AS VARCHAR(100)), id, type, holder_kind, holder_id, NULL, NULL"
                    + where
                    + " ORDER BY id")) {
          ps.setObject(1, now);
          ps.setString(2, caller.actor());
          BulkSql.bindAll(ps, 3, part);
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE access_key SET status = 'INACTIVE', updated_at = ?, version = version + 1"
                    + where.substring(" FROM access_key".length()))) {
          ps.setObject(1, now);
          BulkSql.bindAll(ps, 2, part);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not deactivate the keys of moved-out residents", e);
    }
  }

  /** Those of the recipients that hold an active key. */
  public Set<Long> withActiveKey(Collection<Long> recipientIds) {
    Set<Long> found = new HashSet<>();
    if (recipientIds.isEmpty()) {
      return found;
    }
    try (Connection c = dataSource.getConnection()) {
      for (List<Long> part : BulkSql.inLists(recipientIds)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                // a range as well as the list: in a generic plan PostgreSQL may test the list
                // only as a filter, after reading every recipient's keys through the index
                "SELECT DISTINCT holder_id FROM access_key WHERE holder_kind = 'RECIPIENT'"
                    + " AND holder_id BETWEEN "
                    + Collections.min(part)
                    + " AND "
                    + Collections.max(part)
                    + " AND holder_id IN ("
                    + BulkSql.marks(part.size())
                    + ") AND status = 'ACTIVE'")) {
          BulkSql.bindAll(ps, 1, part);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getLong(1));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the keys of residents", e);
    }
    return found;
  }
}
