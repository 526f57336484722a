package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.ejb.crypto.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Kiosks by their bearer token (kept as a hash; a rotated or retired kiosk's old token matches
 * nothing), and how a kiosk is named in the audit log.
 */
@ApplicationScoped
public class KioskTokens {

  /** How every kiosk token begins. */
  public static final String PREFIX = "kiosk_";

  /** Longer bearer tokens are refused without a look-up. */
  public static final int MAX_TOKEN_LENGTH = 200;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  /** The kiosk a bearer token belongs to; 401 for any other token. */
  public Kiosk authenticate(String token) {
    if (!isWellFormed(token)) {
      throw unauthenticated();
    }
    return em.createQuery("SELECT k FROM Kiosk k WHERE k.tokenHash = :hash", Kiosk.class)
        .setParameter("hash", Tokens.sha256(token))
        .getResultStream()
        .filter(k -> !k.isRetired())
        .findFirst()
        .orElseThrow(KioskTokens::unauthenticated);
  }

  /** Whether a token may be looked up at all. */
  public static boolean isWellFormed(String token) {
    return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
  }

  public static String actor(Kiosk kiosk) {
    return actor(kiosk.getId());
  }

  /** How a kiosk is named in the audit log. */
  public static String actor(long kioskId) {
    return "kiosk:" + kioskId;
  }

  /** The answer to a request without a kiosk token that this server knows. */
  public static DomainException unauthenticated() {
    return new DomainException(
        Reason.UNAUTHENTICATED, "invalid-kiosk-token", "The kiosk token is missing or not valid");
  }
}
