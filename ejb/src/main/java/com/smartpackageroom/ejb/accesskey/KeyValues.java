package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.PinPolicy;
import com.smartpackageroom.domain.accesskey.RetiredKeyValue;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.crypto.LookupHash;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.platform.BulkSql;
import com.smartpackageroom.ejb.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Key values at a site: their keyed hashes, whether a value may be issued, fresh PINs and QR
 * tokens, and the retirement of spent values (deleted for ever, used one-time PINs for a quarantine
 * of spr.keys.reuse-quarantine-days).
 */
@ApplicationScoped
public class KeyValues {

  /** 24 random bytes: 192 bits, above the 128 asked for. */
  static final int QR_TOKEN_BYTES = 24;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Inject LookupHash lookupHash;

  @Inject
  @ConfigProperty(name = "spr.keys.reuse-quarantine-days", defaultValue = "90")
  int quarantineDays;

  public String hash(Long siteId, AccessKeyType type, String value) {
    return lookupHash.ofKey(siteId, type.name(), value);
  }

  /**
   * Writes a key that has just been given a value. The value was found free before, but another
   * request may have taken it since: the unique index on the lookup hash then refuses the key, and
   * the caller gets {@code taken} (a refusal that undoes the transaction) instead of a bare
   * conflict.
   */
  public void flushNewValue(Supplier<DomainException> taken) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw taken.get();
      }
      throw e;
    }
  }

  /** A unique violation of the keys' lookup hash (not of another row the flush wrote). */
  private static boolean isUniqueViolation(Throwable e) {
    return Database.isUniqueViolation(e, "lookup_hash");
  }

  /** Card UIDs are read in varying case and spacing; this is the form that is hashed. */
  public static String normalizeCard(String uid) {
    return uid.strip().replace(" ", "").replace(":", "").toUpperCase(Locale.ROOT);
  }

  /**
   * Whether a value may be given to a new key: held by no live key, and not retired (or past its
   * quarantine, in which case its retirement ends here).
   */
  public boolean isAvailable(String hash, OffsetDateTime now) {
    em.flush(); // what this transaction changed is what the look-up must see
    try (Connection c = dataSource.getConnection()) {
      Set<String> ending = new HashSet<>();
      if (freeAmong(c, Set.of(hash), now, ending).isEmpty()) {
        return false;
      }
      endRetirements(c, ending);
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up a key value", e);
    }
  }

  /** A new random PIN that no live key holds and that was never deleted at the site. */
  public String newPin(Long siteId, OffsetDateTime now) {
    em.flush(); // what this transaction changed is what the look-up must see
    try (Connection c = dataSource.getConnection()) {
      return drawPins(c, siteId, 1, now).values().iterator().next();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not draw a PIN", e);
    }
  }

  /**
   * {@code count} free PINs (see {@link #isAvailable}), by their lookup hash, in the order drawn,
   * on the caller's connection and in its transaction; the retirements of those past their
   * quarantine end.
   *
   * @throws DomainException pin-space-exhausted when the site has too few free PINs left
   */
  public Map<String, String> drawPins(Connection c, long siteId, int count, OffsetDateTime now)
      throws SQLException {
    Set<String> ending = new HashSet<>();
    Map<String, String> chosen =
        new PinDraw(count)
            .draw(
                () -> PinPolicy.generate(Tokens.secureRandom()),
                pin -> hash(siteId, AccessKeyType.PIN, pin),
                hashes -> freeAmong(c, hashes, now, ending));
    ending.retainAll(chosen.keySet());
    endRetirements(c, ending);
    return chosen;
  }

  /**
   * The rule of a free value, for any number of them: those of the hashes that no live key holds
   * and that are not retired or are past their quarantine; these last are added to {@code
   * pastQuarantine} (their retirement ends if the value is taken).
   */
  private static Set<String> freeAmong(
      Connection c, Set<String> hashes, OffsetDateTime now, Set<String> pastQuarantine)
      throws SQLException {
    Set<String> free = new HashSet<>(hashes);
    BulkSql.queryIn(
        c,
        "SELECT lookup_hash FROM access_key WHERE lookup_hash IN (",
        hashes,
        rs -> free.remove(rs.getString(1)));
    BulkSql.queryIn(
        c,
        "SELECT lookup_hash, reusable_after FROM retired_key_value WHERE lookup_hash IN (",
        hashes,
        rs -> {
          OffsetDateTime after = rs.getObject(2, OffsetDateTime.class);
          if (after == null || after.isAfter(now)) {
            free.remove(rs.getString(1));
          } else if (free.contains(rs.getString(1))) {
            pastQuarantine.add(rs.getString(1));
          }
        });
    return free;
  }

  private static void endRetirements(Connection c, Set<String> hashes) throws SQLException {
    BulkSql.updateIn(c, "DELETE FROM retired_key_value WHERE lookup_hash IN (", hashes);
  }

  public String newQrToken() {
    return Tokens.random("", QR_TOKEN_BYTES);
  }

  /** A value that is never issued again at its site. */
  public void retireForever(Long siteId, String hash, OffsetDateTime now) {
    retire(siteId, hash, now, null);
  }

  /** A used or expired one-time PIN: free again after the quarantine. */
  public void retireForQuarantine(Long siteId, String hash, OffsetDateTime now) {
    retire(siteId, hash, now, now.plus(Duration.ofDays(quarantineDays)));
  }

  private void retire(Long siteId, String hash, OffsetDateTime now, OffsetDateTime reusableAfter) {
    if (hash == null) {
      return;
    }
    RetiredKeyValue existing = em.find(RetiredKeyValue.class, hash);
    if (existing != null) {
      existing.extendTo(reusableAfter);
    } else {
      em.persist(new RetiredKeyValue(hash, siteId, now, reusableAfter));
    }
  }
}
