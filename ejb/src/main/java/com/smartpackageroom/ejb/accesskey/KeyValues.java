package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.PinPolicy;
import com.smartpackageroom.domain.accesskey.RetiredKeyValue;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.crypto.LookupHash;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.function.Supplier;
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

  private static final int GENERATION_ATTEMPTS = 100;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

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
    boolean live =
        !em.createQuery("SELECT k.id FROM AccessKey k WHERE k.lookupHash = :h", Long.class)
            .setParameter("h", hash)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (live) {
      return false;
    }
    RetiredKeyValue retired = em.find(RetiredKeyValue.class, hash);
    if (retired == null) {
      return true;
    }
    if (retired.isReusable(now)) {
      em.remove(retired);
      em.flush();
      return true;
    }
    return false;
  }

  /** A new random PIN that no live key holds and that was never deleted at the site. */
  public String newPin(Long siteId, OffsetDateTime now) {
    for (int i = 0; i < GENERATION_ATTEMPTS; i++) {
      String pin = PinPolicy.generate(Tokens.secureRandom());
      if (isAvailable(hash(siteId, AccessKeyType.PIN, pin), now)) {
        return pin;
      }
    }
    throw DomainException.conflict(
        "pin-space-exhausted",
        "No free PIN could be found at this site; delete unused keys or use QR codes");
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
