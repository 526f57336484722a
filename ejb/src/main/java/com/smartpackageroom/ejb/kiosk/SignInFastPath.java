package com.smartpackageroom.ejb.kiosk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.account.AccountStatus;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.PersonName;
import com.smartpackageroom.ejb.accesskey.KeyValues;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.platform.Database;
import com.smartpackageroom.ejb.platform.GroupCommit;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The everyday kiosk sign-in: a known kiosk without failures in a row, a permanent key that works,
 * a holder who may come in. Nothing but the audit log is written, so no JTA transaction and no lock
 * is needed: the audit event is inserted by a statement that selects it from the kiosk, key and
 * holder rows only where they let the sign-in in ({@link #GRANT}), and its update count is the
 * answer. Sign-ins that arrive together are settled together ({@link GroupCommit}): their inserts
 * go as one batch (one round trip, one transaction), and each is answered only once its audit event
 * is committed.
 *
 * <p>What the insert needs besides the credential's hash (the key's id, its holder and the holder's
 * name for the kiosk's greeting) is remembered per instance from the first sign-in with a key, when
 * kiosk, key and holder are read ({@link #LOOKUP}) and judged by the domain's rules. What is
 * remembered never lets anyone in by itself: the insert checks every rule against the rows as they
 * are, names included, so a key deactivated or a resident moved out on another instance is refused
 * at once, and a remembered entry that no longer matches is forgotten and read again.
 *
 * <p>Every other case (a wrong or refused credential, a one-time PIN, a kiosk with failures or
 * blocked) is left to {@link KioskSignInService}, which decides under row locks and feeds the
 * throttle. The rules of {@link #GRANT} are those of the domain entities (Kiosk#hasFailures,
 * AccessKey#isUsable, a single-use key never here, an active recipient, a staff member not disabled
 * and of the kiosk's site); it may only ever be stricter than them, since what it refuses goes to
 * the service that applies them.
 *
 * <p>The insert takes no lock on the kiosk's row: it changes nothing of the kiosk, and it reads the
 * row as last committed in the same statement that records the sign-in, so a failure that blocks
 * the kiosk either committed before (the insert sees it and the sign-in goes to the service, which
 * refuses it under the kiosk's lock) or had not (the sign-in came first). Nothing here ever resets
 * a kiosk's failures: that happens only under the lock, in the service.
 */
@ApplicationScoped
public class SignInFastPath {

  private static final String KIOSK_OF_TOKEN = "SELECT id, site_id FROM kiosk WHERE token_hash = ?";

  /**
   * Kiosk, key and holder by the key's lookup hash and the kiosk token's hash: one row through two
   * unique indexes, read the first time this instance sees a key.
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

  /**
   * The sign-in's audit event, inserted only where kiosk, key and holder let it in: no failures at
   * the kiosk, a usable permanent key of the kiosk's site with the remembered id, hash and holder,
   * a holder who may come in under the remembered name. Every row is found by primary key or unique
   * index, and the kiosk and holder conditions have no reference to the key's row, so the plan is
   * one index scan of the key below one-time filters, whatever the statistics: no join to plan. The
   * holder of a kind other than the key's is bound as null and matches nothing.
   */
  private static final String GRANT =
      "INSERT INTO audit_event ("
          + AuditLog.COLUMNS
          + """
          )
          SELECT k.site_id, CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(40)),
                 CAST(? AS VARCHAR(100)), k.id, k.type, k.holder_kind, k.holder_id,
                 CAST(? AS BIGINT), CAST(? AS VARCHAR(500))
          FROM access_key k
          WHERE k.id = ? AND k.lookup_hash = ? AND k.holder_kind = ? AND k.holder_id = ?
            AND k.status = 'ACTIVE' AND k.used_at IS NULL AND k.single_use = FALSE
            AND (k.expires_at IS NULL OR k.expires_at > ?)
            AND k.site_id = (SELECT kio.site_id FROM kiosk kio
                             WHERE kio.id = ? AND kio.token_hash = ?
                               AND kio.consecutive_failures = 0 AND kio.blocked_until IS NULL)
            AND (EXISTS (SELECT 1 FROM recipient r
                         WHERE r.id = ? AND r.status = 'ACTIVE'
                           AND r.first_name = ? AND r.last_name = ?)
                 OR EXISTS (SELECT 1 FROM courier c WHERE c.id = ? AND c.name = ?)
                 OR EXISTS (SELECT 1 FROM account a
                            JOIN account_site s ON s.account_id = a.id AND s.site_id = ?
                            WHERE a.id = ? AND a.status <> 'DISABLED'
                              AND a.first_name = ? AND a.last_name = ?))""";

  /** How long a token no kiosk holds is refused without a look-up (a new token is never one). */
  private static final java.time.Duration UNKNOWN_FOR = java.time.Duration.ofSeconds(30);

  /** More kiosks than any deployment has; past it the least used are forgotten. */
  private static final int MAX_KIOSKS = 10_000;

  /** Groups with the database at once: one is being settled while another waits for its commit. */
  private static final int LANES = 2;

  /** The most sign-ins audited together. */
  private static final int MAX_GROUP = 64;

  /** A kiosk as its token's hash names it. A kiosk never changes site. */
  private record KioskRef(long id, long siteId) {}

  /**
   * A key as the last sign-in with it found it: its holder and the holder's name as stored (first
   * and last name of a person, a courier's name) and as greeted.
   */
  private record KnownKey(
      long keyId,
      HolderKind holderKind,
      long holderId,
      String firstName,
      String lastName,
      String courierName,
      String displayName) {}

  /**
   * Kiosks by their token's hash; the insert checks the token against the database every time, so a
   * removed kiosk is refused at once.
   */
  private final Cache<String, KioskRef> kiosks = cache(MAX_KIOSKS);

  /** Hashes of bearer tokens no kiosk held when last looked up, for {@link #UNKNOWN_FOR}. */
  private final Cache<String, Boolean> unknownTokens =
      Caffeine.newBuilder()
          .maximumSize(MAX_KIOSKS)
          .expireAfterWrite(UNKNOWN_FOR)
          .executor(Runnable::run)
          .build();

  /** Keys by their lookup hash, as the last sign-in with each found them. */
  private Cache<String, KnownKey> keys;

  private GroupCommit<Attempt> group;

  /** Whether the driver runs a batch in autocommit as one transaction; known once asked. */
  private volatile Boolean implicitBatchTransaction;

  @Resource(lookup = Database.AUTOCOMMIT)
  DataSource dataSource;

  @Inject KeyValues values;

  @Inject KioskSessions sessions;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.kiosk.key-cache-size", defaultValue = "100000")
  long keyCacheSize;

  /** Sign-ins that may wait for a group; more are answered 503 busy, as the slow path's queue. */
  @Inject
  @ConfigProperty(name = "spr.kiosk.sign-in-backlog", defaultValue = "4096")
  int backlog;

  /** The group commit's own threads: container threads, so that they end with the application. */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @PostConstruct
  void createCache() {
    if (keyCacheSize < 0) {
      throw new IllegalArgumentException(
          "spr.kiosk.key-cache-size must be 0 or more, not " + keyCacheSize);
    }
    if (backlog < 1) {
      throw new IllegalArgumentException("spr.kiosk.sign-in-backlog must be at least 1");
    }
    keys = cache(keyCacheSize);
    group = new GroupCommit<>(LANES, MAX_GROUP, backlog, this::settle);
    group.startCommitters(threads);
  }

  @PreDestroy
  void stop() {
    group.close();
  }

  /** Nothing but being made: the settings are checked when the bean is ({@link StartupCheck}). */
  public void ready() {
    // made and checked
  }

  /** A bounded cache that does its upkeep in the caller's thread, not in a pool of its own. */
  private static <V> Cache<String, V> cache(long maximumSize) {
    return Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
  }

  /**
   * A sign-in on its way through a group; {@link #granted} is set when the fast path lets it in.
   */
  private static final class Attempt {
    final String tokenHash;
    final KioskRef kiosk;
    final String lookupHash;
    final String detail;
    final OffsetDateTime at;
    KnownKey key;

    /** Whether the key came from what this instance remembers (not read for this attempt). */
    final boolean remembered;

    boolean granted;

    Attempt(
        String tokenHash,
        KioskRef kiosk,
        String lookupHash,
        KnownKey key,
        String detail,
        OffsetDateTime at) {
      this.tokenHash = tokenHash;
      this.kiosk = kiosk;
      this.lookupHash = lookupHash;
      this.key = key;
      this.remembered = key != null;
      this.detail = detail;
      this.at = at;
    }
  }

  /**
   * Signs in without waiting for the database: false when the fast path cannot take the sign-in (no
   * token, or no kiosk has it) and it needs {@link KioskSignInService} (nothing is told then); else
   * {@code answer} is told the session, or empty when the sign-in needs the service, or the
   * failure, in a thread of the group commit (so it must not wait for anything itself).
   */
  public boolean signIn(
      String kioskToken,
      Credential credential,
      BiConsumer<Optional<SignInView>, RuntimeException> answer) {
    Attempt attempt = attempt(kioskToken, credential);
    if (attempt == null) {
      return false;
    }
    try {
      submit(attempt, answer);
    } catch (GroupCommit.Full full) {
      throw SlowSignIns.busy();
    }
    return true;
  }

  private void submit(Attempt attempt, BiConsumer<Optional<SignInView>, RuntimeException> answer) {
    group.submit(
        attempt,
        failure -> {
          Optional<SignInView> session = null;
          RuntimeException failed = failure;
          if (failed == null) {
            try {
              session = session(attempt);
            } catch (RuntimeException e) {
              failed = e;
            }
          }
          answer.accept(session, failed);
        });
  }

  /** The sign-in as a group takes it; null when it needs the service without a look. */
  private Attempt attempt(String kioskToken, Credential credential) {
    if (!KioskTokens.isWellFormed(kioskToken)) {
      return null;
    }
    String tokenHash = Tokens.sha256(kioskToken);
    KioskRef kiosk = kioskOf(tokenHash);
    if (kiosk == null) {
      return null;
    }
    String lookupHash = values.hash(kiosk.siteId(), credential.type(), credential.value());
    return new Attempt(
        tokenHash,
        kiosk,
        lookupHash,
        keys.getIfPresent(lookupHash),
        credential.signInDetail(),
        Times.now(clock));
  }

  private Optional<SignInView> session(Attempt attempt) {
    if (!attempt.granted) {
      return Optional.empty();
    }
    KnownKey key = attempt.key;
    return Optional.of(
        sessions.open(
            attempt.kiosk.id(),
            key.keyId(),
            key.holderKind(),
            key.displayName(),
            attempt.at.toInstant()));
  }

  /**
   * Settles a group: reads kiosk, key and holder for the keys not known yet, then inserts the audit
   * events of all that may come in as one batch, whose update counts say who did.
   */
  private void settle(List<Attempt> attempts) {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getAutoCommit()) {
        // in a caller's transaction the group would be answered before its events are committed
        throw new IllegalStateException("kiosk sign-ins are settled outside any transaction");
      }
      lookUpUnknownKeys(connection, attempts);
      boolean any = false;
      try (PreparedStatement grant = connection.prepareStatement(GRANT)) {
        for (Attempt attempt : attempts) {
          if (attempt.key != null) {
            bindGrant(grant, attempt);
            grant.addBatch();
            any = true;
          }
        }
        if (!any) {
          return;
        }
        int[] counts = executeAtomically(connection, grant);
        int i = 0;
        for (Attempt attempt : attempts) {
          if (attempt.key != null) {
            int count = counts[i++];
            if (count != 0 && count != 1) {
              // not told which were recorded: none is let in, none is sent to be recorded again
              throw new IllegalStateException(
                  "The database did not say which sign-ins it recorded (" + count + ")");
            }
            attempt.granted = count == 1;
            if (attempt.granted) {
              if (!attempt.remembered) {
                keys.put(attempt.lookupHash, attempt.key);
              }
            } else {
              // changed since: the service decides, and the key is read afresh next time
              keys.invalidate(attempt.lookupHash);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the batch as one transaction: the group's events are committed together or not at all.
   * PostgreSQL's driver sends a batch in autocommit as one implicit transaction (one sync, one
   * commit, no extra round trip); other drivers, such as H2's, commit each statement of it, so
   * there the batch gets a transaction of its own.
   */
  private int[] executeAtomically(Connection connection, PreparedStatement batch)
      throws SQLException {
    if (implicitBatchTransaction(connection)) {
      return batch.executeBatch();
    }
    connection.setAutoCommit(false);
    try {
      int[] counts = batch.executeBatch();
      connection.commit();
      return counts;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private boolean implicitBatchTransaction(Connection connection) throws SQLException {
    Boolean implicit = implicitBatchTransaction;
    if (implicit == null) {
      implicit = Database.isPostgres(connection);
      implicitBatchTransaction = implicit;
    }
    return implicit;
  }

  private void lookUpUnknownKeys(Connection connection, List<Attempt> attempts)
      throws SQLException {
    PreparedStatement lookup = null;
    try {
      for (Attempt attempt : attempts) {
        if (attempt.key == null) {
          if (lookup == null) {
            lookup = connection.prepareStatement(LOOKUP);
          }
          lookup.setString(1, attempt.lookupHash);
          lookup.setString(2, attempt.tokenHash);
          try (ResultSet row = lookup.executeQuery()) {
            attempt.key = row.next() ? knownKey(row, attempt) : null;
          }
        }
      }
    } finally {
      if (lookup != null) {
        lookup.close();
      }
    }
  }

  private static void bindGrant(PreparedStatement grant, Attempt attempt) throws SQLException {
    KnownKey key = attempt.key;
    long kioskId = attempt.kiosk.id();
    grant.setObject(1, attempt.at);
    grant.setString(2, AuditEventType.KEY_USED.name());
    grant.setString(3, KioskTokens.actor(kioskId));
    grant.setLong(4, kioskId);
    grant.setString(5, AuditLog.detail(attempt.detail));
    grant.setLong(6, key.keyId());
    grant.setString(7, attempt.lookupHash);
    grant.setString(8, key.holderKind().name());
    grant.setLong(9, key.holderId());
    grant.setObject(10, attempt.at);
    grant.setLong(11, kioskId);
    grant.setString(12, attempt.tokenHash);
    boolean recipient = key.holderKind() == HolderKind.RECIPIENT;
    boolean courier = key.holderKind() == HolderKind.COURIER;
    boolean staff = key.holderKind() == HolderKind.STAFF;
    grant.setObject(13, recipient ? key.holderId() : null, Types.BIGINT);
    grant.setString(14, recipient ? key.firstName() : null);
    grant.setString(15, recipient ? key.lastName() : null);
    grant.setObject(16, courier ? key.holderId() : null, Types.BIGINT);
    grant.setString(17, courier ? key.courierName() : null);
    grant.setObject(18, staff ? attempt.kiosk.siteId() : null, Types.BIGINT);
    grant.setObject(19, staff ? key.holderId() : null, Types.BIGINT);
    grant.setString(20, staff ? key.firstName() : null);
    grant.setString(21, staff ? key.lastName() : null);
  }

  /**
   * Whether a kiosk holds this token, as far as this instance knows (kiosks are remembered, so a
   * token rotated or retired on another instance may pass here: the sign-in itself checks it
   * against the database). Used to refuse a request before its body is read.
   */
  public boolean isKioskToken(String kioskToken) {
    if (!KioskTokens.isWellFormed(kioskToken) || !kioskToken.startsWith(KioskTokens.PREFIX)) {
      return false;
    }
    String hash = Tokens.sha256(kioskToken);
    if (unknownTokens.getIfPresent(hash) != null) {
      return false;
    }
    if (kioskOf(hash) != null) {
      return true;
    }
    // tokens no kiosk holds are remembered for a while: guessing them costs no look-up each
    unknownTokens.put(hash, Boolean.TRUE);
    return false;
  }

  /** Forgets a token that the service refused (rotated, or its kiosk retired). */
  public void forgetToken(String kioskToken) {
    if (KioskTokens.isWellFormed(kioskToken)) {
      kiosks.invalidate(Tokens.sha256(kioskToken));
    }
  }

  private KioskRef kioskOf(String tokenHash) {
    KioskRef kiosk = kiosks.getIfPresent(tokenHash);
    if (kiosk != null) {
      return kiosk;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(KIOSK_OF_TOKEN)) {
      query.setString(1, tokenHash);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        kiosk = new KioskRef(row.getLong(1), row.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
    kiosks.put(tokenHash, kiosk);
    return kiosk;
  }

  /**
   * The key as the fast path may let it in, judged by the domain's rules on the row read; null when
   * the sign-in is for {@link KioskSignInService}.
   */
  private static KnownKey knownKey(ResultSet row, Attempt attempt) throws SQLException {
    long kioskSite = row.getLong(2);
    if (row.getLong(1) != attempt.kiosk.id()
        || kioskSite != attempt.kiosk.siteId()
        || Kiosk.hasFailures(row.getInt(3), row.getObject(4, OffsetDateTime.class))) {
      return null;
    }
    if (row.getLong(6) != kioskSite
        || row.getBoolean(9)
        || !AccessKey.isUsable(
            AccessKeyStatus.valueOf(row.getString(8)),
            row.getObject(11, OffsetDateTime.class),
            row.getObject(10, OffsetDateTime.class),
            attempt.at)) {
      return null;
    }
    long keyId = row.getLong(5);
    HolderKind kind = HolderKind.valueOf(row.getString(12));
    long holderId = row.getLong(13);
    return switch (kind) {
      case RECIPIENT ->
          RecipientStatus.ACTIVE.name().equals(row.getString(16))
              ? person(keyId, kind, holderId, row.getString(14), row.getString(15))
              : null;
      case COURIER ->
          row.getString(17) == null
              ? null
              : new KnownKey(
                  keyId, kind, holderId, null, null, row.getString(17), row.getString(17));
      case STAFF ->
          row.getString(20) != null
                  && !AccountStatus.DISABLED.name().equals(row.getString(20))
                  && row.getBoolean(21)
              ? person(keyId, kind, holderId, row.getString(18), row.getString(19))
              : null;
    };
  }

  private static KnownKey person(
      long keyId, HolderKind kind, long holderId, String first, String last) {
    return new KnownKey(keyId, kind, holderId, first, last, null, PersonName.display(first, last));
  }
}
