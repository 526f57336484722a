package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.account.AccountStatus;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.PersonName;
import com.smartpackageroom.ejb.accesskey.KeyValues;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The everyday kiosk sign-in in one database round trip plus its audit event: a known kiosk
 * without failures in a row, a permanent key that works, a holder who may come in. Kiosk, key and
 * holder are read by one statement outside any transaction, since nothing but the audit log is
 * written. Every other case (a wrong or refused credential, a one-time PIN, a kiosk with failures
 * or blocked) is left to {@link KioskSignInService}, which decides under row locks and feeds the
 * throttle. Both apply the same rules: those of the domain entities.
 */
@ApplicationScoped
public class SignInFastPath {

  private static final String SITE_OF_KIOSK = "SELECT site_id FROM kiosk WHERE token_hash = ?";

  private static final String LOOKUP =
      """
      SELECT kio.id, kio.site_id, kio.consecutive_failures, kio.blocked_until,
             k.id, k.site_id, k.type, k.status, k.single_use, k.expires_at, k.used_at,
             k.holder_kind, k.holder_id,
             r.first_name, r.last_name, r.status,
             c.name,
             a.first_name, a.last_name, a.status,
             EXISTS (SELECT 1 FROM account_site s WHERE s.account_id = a.id AND s.site_id = kio.site_id)
      FROM kiosk kio
      LEFT JOIN access_key k ON k.lookup_hash = ?
      LEFT JOIN recipient r ON k.holder_kind = 'RECIPIENT' AND r.id = k.holder_id
      LEFT JOIN courier c ON k.holder_kind = 'COURIER' AND c.id = k.holder_id
      LEFT JOIN account a ON k.holder_kind = 'STAFF' AND a.id = k.holder_id
      WHERE kio.token_hash = ?""";

  /** More kiosks than any deployment has; past it the map starts over. */
  private static final int MAX_KIOSKS = 10_000;

  /**
   * The site of each kiosk token seen (by the token's hash), needed before the key's hash can be
   * computed. A kiosk never changes site, and the look-up checks the token against the database
   * every time, so a removed kiosk is refused at once.
   */
  private final Map<String, Long> siteOfToken = new ConcurrentHashMap<>();

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject KeyValues values;

  @Inject KioskSessions sessions;

  @Inject AuditLog audit;

  @Inject Clock clock;

  private record Grant(
      long kioskId, long siteId, long keyId, AccessKeyType keyType, HolderKind holderKind, long holderId, String name) {}

  /** The session, or empty when the sign-in needs {@link KioskSignInService}. */
  public Optional<SignInView> signIn(String kioskToken, Credential credential) {
    if (kioskToken == null || kioskToken.isBlank() || kioskToken.length() > KioskThrottle.MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    OffsetDateTime now = Times.now(clock);
    // no transaction: the look-up reads committed rows, the audit event is committed at once
    try (Connection connection = dataSource.getConnection()) {
      Optional<Grant> grant = grant(connection, Tokens.sha256(kioskToken), credential, now);
      if (grant.isEmpty()) {
        return Optional.empty();
      }
      Grant g = grant.get();
      audit.recordKey(
          connection,
          g.siteId(),
          AuditEventType.KEY_USED,
          KioskThrottle.actor(g.kioskId()),
          g.keyId(),
          g.keyType(),
          g.holderKind(),
          g.holderId(),
          g.kioskId(),
          credential.signInDetail());
      return Optional.of(sessions.open(g.kioskId(), g.keyId(), g.holderKind(), g.name(), now.toInstant()));
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
  }

  private Optional<Grant> grant(
      Connection connection, String tokenHash, Credential credential, OffsetDateTime now)
      throws SQLException {
    Long siteId = siteOfToken.get(tokenHash);
    if (siteId == null) {
      siteId = siteOf(connection, tokenHash);
      if (siteId == null) {
        return Optional.empty();
      }
      if (siteOfToken.size() >= MAX_KIOSKS) {
        siteOfToken.clear();
      }
      siteOfToken.put(tokenHash, siteId);
    }
    try (PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
      lookup.setString(1, values.hash(siteId, credential.type(), credential.value()));
      lookup.setString(2, tokenHash);
      try (ResultSet row = lookup.executeQuery()) {
        return row.next() ? grant(row, siteId, now) : Optional.empty();
      }
    }
  }

  private static Long siteOf(Connection connection, String tokenHash) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SITE_OF_KIOSK)) {
      query.setString(1, tokenHash);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }

  private static Optional<Grant> grant(ResultSet row, long siteId, OffsetDateTime now)
      throws SQLException {
    long kioskId = row.getLong(1);
    if (row.getLong(2) != siteId
        || Kiosk.hasFailures(row.getInt(3), row.getObject(4, OffsetDateTime.class))) {
      return Optional.empty();
    }
    long keyId = row.getLong(5);
    if (row.wasNull()
        || row.getLong(6) != siteId
        || row.getBoolean(9)
        || !AccessKey.isUsable(
            AccessKeyStatus.valueOf(row.getString(8)),
            row.getObject(11, OffsetDateTime.class),
            row.getObject(10, OffsetDateTime.class),
            now)) {
      return Optional.empty();
    }
    AccessKeyType keyType = AccessKeyType.valueOf(row.getString(7));
    HolderKind holderKind = HolderKind.valueOf(row.getString(12));
    long holderId = row.getLong(13);
    String name =
        switch (holderKind) {
          case RECIPIENT ->
              RecipientStatus.ACTIVE.name().equals(row.getString(16))
                  ? PersonName.display(row.getString(14), row.getString(15))
                  : null;
          case COURIER -> row.getString(17);
          case STAFF ->
              row.getString(20) != null
                      && !AccountStatus.DISABLED.name().equals(row.getString(20))
                      && row.getBoolean(21)
                  ? PersonName.display(row.getString(18), row.getString(19))
                  : null;
        };
    return name == null
        ? Optional.empty()
        : Optional.of(new Grant(kioskId, siteId, keyId, keyType, holderKind, holderId, name));
  }
}
