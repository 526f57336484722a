package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.kiosk.KioskSessionEnd;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.shared.RecordedRefusal;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.ejb.accesskey.Holder;
import com.smartpackageroom.ejb.accesskey.Holders;
import com.smartpackageroom.ejb.accesskey.KeyValues;
import com.smartpackageroom.ejb.accesskey.SingleAccessPairs;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.platform.Database;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Signing in at a kiosk by PIN, QR code or key card, and assigning key cards. A key is found by its
 * keyed hash through a unique index, never by scanning or decrypting keys. Every attempt takes the
 * kiosk's row lock first and is judged under it, so the throttle's block is checked against the
 * latest failures on every path; every attempt is audited, and every failure feeds the throttle.
 */
@Stateless
public class KioskSignInService {

  private static final String CARD_IN_USE = "This key card is already assigned; use another card";

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject KioskTokens kiosks;

  @Inject KioskThrottle throttle;

  @Inject KeyValues values;

  @Inject Holders holders;

  @Inject KioskSessions sessions;

  @Inject SecretBox box;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject SingleAccessPairs pairs;

  public SignInView signIn(String kioskToken, Credential credential) {
    Kiosk kiosk = kiosks.authenticate(kioskToken);
    OffsetDateTime now = lock(kiosk, kioskToken);
    Granted granted = verify(kiosk, credential, now);
    use(kiosk, granted, credential, now);
    return sessions.open(
        kiosk.getId(),
        granted.key().getId(),
        granted.holder().kind(),
        granted.holder().displayName(),
        now.toInstant());
  }

  /** Assigns a key card to the courier or staff member whose PIN is given. */
  public AccessKeyView assignCard(String kioskToken, String pin, String card) {
    Kiosk kiosk = kiosks.authenticate(kioskToken);
    Credential cardCredential = new Credential(AccessKeyType.KEY_CARD, card);
    Credential pinCredential = new Credential(AccessKeyType.PIN, pin);
    OffsetDateTime now = lock(kiosk, kioskToken);
    Granted granted = verify(kiosk, pinCredential, now);
    if (!granted.holder().kind().mayCustomize()) {
      // refused before the PIN is used: a recipient's one-time PIN stays good for the door. It
      // counts as a failure, or this answer would tell recipients' valid PINs without limit
      throttle.recordFailure(kiosk, now);
      audit.recordKey(
          AuditEventType.KEY_REFUSED,
          KioskTokens.actor(kiosk),
          granted.key(),
          kiosk.getId(),
          "key card assignment: a recipient's PIN");
      throw new RecordedRefusal(
          Reason.FORBIDDEN, "forbidden", "Key cards can be assigned to couriers and staff only");
    }
    String cardHash =
        values.hash(kiosk.getSiteId(), AccessKeyType.KEY_CARD, cardCredential.value());
    if (!values.isAvailable(cardHash, now)) {
      // refused before the PIN is used too: nothing was assigned, so nobody signed in. It counts
      // as a failure, or a valid PIN would test card UIDs without limit
      throttle.recordFailure(kiosk, now);
      audit.record(
          kiosk.getSiteId(),
          AuditEventType.SIGN_IN_FAILED,
          KioskTokens.actor(kiosk),
          kiosk.getId(),
          "key card assignment: card in use");
      throw new RecordedRefusal(Reason.CONFLICT, "card-in-use", CARD_IN_USE);
    }
    use(kiosk, granted, pinCredential, now);
    AccessKey key =
        AccessKey.permanent(
            kiosk.getSiteId(),
            AccessKeyType.KEY_CARD,
            granted.holder().kind(),
            granted.holder().id(),
            cardHash,
            box.seal(cardCredential.value()),
            now);
    em.persist(key);
    // assigned by another kiosk meanwhile: undone as a whole, the PIN's use with it
    values.flushNewValue(() -> DomainException.conflict("card-in-use", CARD_IN_USE));
    audit.recordKey(
        AuditEventType.KEY_CARD_ASSIGNED, KioskTokens.actor(kiosk), key, kiosk.getId(), null);
    return AccessKeyView.of(key, granted.holder().displayName(), null);
  }

  /**
   * Refuses at once while the kiosk waits; else takes the kiosk's row lock and checks the token and
   * the block again under it. The time the attempt is judged at.
   */
  private OffsetDateTime lock(Kiosk kiosk, String kioskToken) {
    throttle.refuseIfBlocked(kiosk, Times.now(clock), "kiosk-throttled");
    throttle.lock(kiosk, Tokens.sha256(kioskToken), Times.now(clock), "kiosk-throttled");
    return Times.now(clock);
  }

  /** Ends a session before its expiry; a session that expired or ended already is refused. */
  public void endSession(String kioskToken, String sessionToken) {
    Kiosk kiosk = kiosks.authenticate(kioskToken);
    KioskSessions.Claims claims = liveSession(kiosk, sessionToken);
    em.persist(
        new KioskSessionEnd(claims.sessionId(), Times.now(clock), Times.utc(claims.expiresAt())));
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (Database.isUniqueViolation(e, null)) {
        // two sign-outs at the same moment: the second finds the session ended
        throw invalidSession("This kiosk session has ended");
      }
      throw e;
    }
  }

  /** The session a kiosk holds now: who signed in and until when; refused once over. */
  public SessionView currentSession(String kioskToken, String sessionToken) {
    Kiosk kiosk = kiosks.authenticate(kioskToken);
    KioskSessions.Claims claims = liveSession(kiosk, sessionToken);
    AccessKey key = em.find(AccessKey.class, claims.keyId());
    Optional<Holder> holder =
        key == null
            ? Optional.empty()
            : holders.find(key.getHolderKind(), key.getHolderId(), key.getSiteId());
    if (holder.isEmpty()
        || !holder.get().active()
        || key.getStatus() == AccessKeyStatus.DELETED
        || (!key.isSingleUse() && !key.isUsable(Times.now(clock)))) {
      // the key was deactivated or deleted, or its holder left, since the sign-in
      throw invalidSession("The session's key or holder no longer lets it stand");
    }
    return new SessionView(
        claims.expiresAt(),
        new SignInView.HolderView(holder.get().kind().name(), holder.get().displayName()));
  }

  private KioskSessions.Claims liveSession(Kiosk kiosk, String sessionToken) {
    KioskSessions.Claims claims =
        sessions
            .verify(sessionToken)
            .filter(c -> c.kioskId() == kiosk.getId())
            .orElseThrow(() -> invalidSession("X-Kiosk-Session is not a session of this kiosk"));
    if (!claims.expiresAt().isAfter(clock.instant())) {
      throw invalidSession("This kiosk session has expired");
    }
    if (em.find(KioskSessionEnd.class, claims.sessionId()) != null) {
      throw invalidSession("This kiosk session has ended");
    }
    return claims;
  }

  private static DomainException invalidSession(String message) {
    return new DomainException(Reason.UNAUTHENTICATED, "invalid-session", message);
  }

  private record Granted(AccessKey key, Holder holder) {}

  /** The key and holder a credential stands for at this kiosk; a refusal feeds the throttle. */
  private Granted verify(Kiosk kiosk, Credential credential, OffsetDateTime now) {
    String hash = values.hash(kiosk.getSiteId(), credential.type(), credential.value());
    AccessKey key =
        em.createQuery("SELECT k FROM AccessKey k WHERE k.lookupHash = :h", AccessKey.class)
            .setParameter("h", hash)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (key != null && key.isSingleUse()) {
      // two kiosks must not both let the same one-time PIN in (nor its QR code and it)
      pairs.lockPartnerFirst(key);
      em.refresh(key, LockModeType.PESSIMISTIC_WRITE);
    }
    Optional<Holder> holder =
        key == null
            ? Optional.empty()
            : holders.find(key.getHolderKind(), key.getHolderId(), key.getSiteId());
    if (key == null
        || !key.getSiteId().equals(kiosk.getSiteId())
        || !key.isUsable(now)
        || holder.isEmpty()
        || !holder.get().active()) {
      fail(kiosk, credential, key, now);
    }
    return new Granted(key, holder.get());
  }

  /** Uses the key (a one-time PIN is spent), resets the throttle and audits the use. */
  private void use(Kiosk kiosk, Granted granted, Credential credential, OffsetDateTime now) {
    AccessKey key = granted.key();
    if (key.use(now)) {
      values.retireForQuarantine(key.getSiteId(), key.releaseValue(), now);
      pairs.spendPartner(key, KioskTokens.actor(kiosk), kiosk.getId(), now);
    }
    throttle.recordSuccess(kiosk);
    audit.recordKey(
        AuditEventType.KEY_USED,
        KioskTokens.actor(kiosk),
        key,
        kiosk.getId(),
        credential.signInDetail());
  }

  private void fail(Kiosk kiosk, Credential credential, AccessKey key, OffsetDateTime now) {
    String how = credential.signInDetail();
    throttle.recordFailure(kiosk, now);
    if (key == null) {
      audit.record(
          kiosk.getSiteId(),
          AuditEventType.SIGN_IN_FAILED,
          KioskTokens.actor(kiosk),
          kiosk.getId(),
          how + ": unknown credential");
    } else {
      String state = key.isExpired(now) ? "expired" : key.getStatus().name().toLowerCase();
      audit.recordKey(
          AuditEventType.KEY_REFUSED,
          KioskTokens.actor(kiosk),
          key,
          kiosk.getId(),
          how + ": key " + state);
    }
    throw new RecordedRefusal(
        Reason.UNAUTHENTICATED,
        "invalid-credential",
        "This " + Credential.field(credential.type()) + " is not valid here");
  }
}
