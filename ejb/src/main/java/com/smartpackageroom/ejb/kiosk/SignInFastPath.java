package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.account.AccountStatus;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.PersonName;
import com.smartpackageroom.ejb.accesskey.KeyValues;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.platform.GroupCommit;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The everyday kiosk sign-in: a known kiosk without failures in a row, a permanent key that works,
 * a holder who may come in. Nothing but the audit log is written, so no transaction and no lock is
 * needed: kiosk, key and holder are read by one statement and the audit event is inserted. Sign-ins
 * that arrive together are settled together ({@link GroupCommit}): looked up on one connection,
 * their audit events inserted as one batch (one round trip, one commit), and each is answered only
 * once its audit event is committed. Every other case (a wrong or refused credential, a one-time
 * PIN, a kiosk with failures or blocked) is left to {@link KioskSignInService}, which decides under
 * row locks and feeds the throttle. Both apply the same rules: those of the domain entities.
 */
@ApplicationScoped
public class SignInFastPath {

  private static final String SITE_OF_KIOSK = "SELECT site_id FROM kiosk WHERE token_hash = ?";

  /**
   * Kiosk, key and holder by the key's lookup hash and the kiosk token's hash: one row through two
   * unique indexes. (One statement per sign-in: a statement for several, with an IN list or an
   * array, gets a plan that depends on the tables' statistics, such as a sequential scan of a
   * thousand keys, or is planned anew at each use.)
   */
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
      JOIN access_key k ON k.lookup_hash = ?
      LEFT JOIN recipient r ON k.holder_kind = 'RECIPIENT' AND r.id = k.holder_id
      LEFT JOIN courier c ON k.holder_kind = 'COURIER' AND c.id = k.holder_id
      LEFT JOIN account a ON k.holder_kind = 'STAFF' AND a.id = k.holder_id
      WHERE kio.token_hash = ?""";

  /** More kiosks than any deployment has; past it the map starts over. */
  private static final int MAX_KIOSKS = 10_000;

  /** Groups with the database at once: one looks up while another waits for its commit. */
  private static final int LANES = 2;

  /** The most sign-ins looked up and audited together. */
  private static final int MAX_GROUP = 64;

  /**
   * The site of each kiosk token seen (by the token's hash), needed before the key's hash can be
   * computed. A kiosk never changes site, and the look-up checks the token against the database
   * every time, so a removed kiosk is refused at once.
   */
  private final Map<String, Long> siteOfToken = new ConcurrentHashMap<>();

  private final GroupCommit<Attempt> group = new GroupCommit<>(LANES, MAX_GROUP, this::settle);

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject KeyValues values;

  @Inject KioskSessions sessions;

  @Inject AuditLog audit;

  @Inject Clock clock;

  /** A sign-in on its way through a group; {@link #use} is set when the fast path grants it. */
  private static final class Attempt {
    final String tokenHash;
    final long siteId;
    final String lookupHash;
    final String detail;
    final OffsetDateTime at;
    AuditLog.KeyUse use;
    String holderName;

    Attempt(String tokenHash, long siteId, String lookupHash, String detail, OffsetDateTime at) {
      this.tokenHash = tokenHash;
      this.siteId = siteId;
      this.lookupHash = lookupHash;
      this.detail = detail;
      this.at = at;
    }
  }

  /** The session, or empty when the sign-in needs {@link KioskSignInService}. */
  public Optional<SignInView> signIn(String kioskToken, Credential credential) {
    if (kioskToken == null
        || kioskToken.isBlank()
        || kioskToken.length() > KioskThrottle.MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    String tokenHash = Tokens.sha256(kioskToken);
    Long siteId = siteOf(tokenHash);
    if (siteId == null) {
      return Optional.empty();
    }
    Attempt attempt =
        new Attempt(
            tokenHash,
            siteId,
            values.hash(siteId, credential.type(), credential.value()),
            credential.signInDetail(),
            Times.now(clock));
    group.run(attempt);
    AuditLog.KeyUse use = attempt.use;
    return use == null
        ? Optional.empty()
        : Optional.of(
            sessions.open(
                use.kioskId(),
                use.keyId(),
                use.holderKind(),
                attempt.holderName,
                attempt.at.toInstant()));
  }

  /** Looks up a group of attempts and audits the granted ones in one batch. */
  private void settle(List<Attempt> attempts) {
    try (Connection connection = dataSource.getConnection()) {
      List<AuditLog.KeyUse> uses = new ArrayList<>(attempts.size());
      try (PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
        for (Attempt attempt : attempts) {
          lookup.setString(1, attempt.lookupHash);
          lookup.setString(2, attempt.tokenHash);
          try (ResultSet row = lookup.executeQuery()) {
            if (row.next()) {
              grant(row, attempt);
            }
          }
          if (attempt.use != null) {
            uses.add(attempt.use);
          }
        }
      }
      if (!uses.isEmpty()) {
        audit.recordUses(connection, uses);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
  }

  private Long siteOf(String tokenHash) {
    Long siteId = siteOfToken.get(tokenHash);
    if (siteId != null) {
      return siteId;
    }
    try (Connection connection = dataSource.getConnection()) {
      siteId = siteOf(connection, tokenHash);
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
    if (siteId != null) {
      if (siteOfToken.size() >= MAX_KIOSKS) {
        siteOfToken.clear();
      }
      siteOfToken.put(tokenHash, siteId);
    }
    return siteId;
  }

  private static Long siteOf(Connection connection, String tokenHash) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SITE_OF_KIOSK)) {
      query.setString(1, tokenHash);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }

  /** Sets the attempt's key use when kiosk, key and holder let it in by the fast path. */
  private static void grant(ResultSet row, Attempt attempt) throws SQLException {
    long kioskId = row.getLong(1);
    if (row.getLong(2) != attempt.siteId
        || Kiosk.hasFailures(row.getInt(3), row.getObject(4, OffsetDateTime.class))) {
      return;
    }
    long keyId = row.getLong(5);
    if (row.getLong(6) != attempt.siteId
        || row.getBoolean(9)
        || !AccessKey.isUsable(
            AccessKeyStatus.valueOf(row.getString(8)),
            row.getObject(11, OffsetDateTime.class),
            row.getObject(10, OffsetDateTime.class),
            attempt.at)) {
      return;
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
    if (name != null) {
      attempt.holderName = name;
      attempt.use =
          new AuditLog.KeyUse(
              attempt.siteId,
              KioskThrottle.actor(kioskId),
              kioskId,
              keyId,
              keyType,
              holderKind,
              holderId,
              attempt.detail,
              attempt.at);
    }
  }
}
