package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.platform.Fields;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A site's kiosks: registered with a token (shown once, kept as a hash), listed with their
 * throttle's state, their failures cleared, their token rotated, retired. Administrators and the
 * site's property managers only; every change is audited.
 */
@Stateless
public class KioskRegistry {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject KioskThrottle throttle;

  @Inject AuditLog audit;

  @Inject Clock clock;

  public KioskView register(Caller caller, Long siteId, String name) {
    Site site = guard.site(caller, siteId, Permission.MANAGE_KIOSKS);
    String token = newToken();
    OffsetDateTime now = Times.now(clock);
    Kiosk kiosk = new Kiosk(site, Fields.required("name", name, 200), Tokens.sha256(token), now);
    em.persist(kiosk);
    em.flush();
    audit.record(siteId, AuditEventType.KIOSK_REGISTERED, caller.actor(), kiosk.getId(), null);
    return KioskView.of(kiosk, token, 0, now, null);
  }

  public List<KioskView> list(Caller caller, Long siteId) {
    guard.site(caller, siteId, Permission.MANAGE_KIOSKS);
    OffsetDateTime now = Times.now(clock);
    return em
        .createQuery(
            "SELECT k FROM Kiosk k WHERE k.siteId = :site AND k.retiredAt IS NULL"
                + " ORDER BY k.name, k.id",
            Kiosk.class)
        .setParameter("site", siteId)
        .getResultList()
        .stream()
        .map(k -> view(k, null, now))
        .toList();
  }

  public KioskView get(Caller caller, Long kioskId) {
    return view(find(caller, kioskId), null, Times.now(clock));
  }

  /** Forgets the kiosk's failures (both limits): it answers again at once. */
  public KioskView clearThrottle(Caller caller, Long kioskId) {
    Kiosk kiosk = find(caller, kioskId);
    throttle.clear(kiosk);
    audit.record(
        kiosk.getSiteId(), AuditEventType.KIOSK_THROTTLE_CLEARED, caller.actor(), kioskId, null);
    return view(kiosk, null, Times.now(clock));
  }

  /** A new token for the kiosk, shown once; the old one is refused from now on. */
  public KioskView rotateToken(Caller caller, Long kioskId) {
    Kiosk kiosk = find(caller, kioskId);
    String token = newToken();
    kiosk.replaceToken(Tokens.sha256(token));
    em.flush();
    audit.record(
        kiosk.getSiteId(), AuditEventType.KIOSK_TOKEN_ROTATED, caller.actor(), kioskId, null);
    return view(kiosk, token, Times.now(clock));
  }

  /** Retires the kiosk: its token is refused from now on; its audit history stays. */
  public void retire(Caller caller, Long kioskId) {
    Kiosk kiosk = find(caller, kioskId);
    // the stored hash is of a token nobody was given: the column stays unique and matches nothing
    kiosk.retire(Tokens.sha256(newToken()), Times.now(clock));
    em.flush();
    audit.record(kiosk.getSiteId(), AuditEventType.KIOSK_RETIRED, caller.actor(), kioskId, null);
  }

  private Kiosk find(Caller caller, Long kioskId) {
    Kiosk kiosk = kioskId == null ? null : em.find(Kiosk.class, kioskId);
    if (kiosk == null || kiosk.isRetired()) {
      throw DomainException.notFound("There is no kiosk " + kioskId);
    }
    guard.check(caller, kiosk.getSiteId(), Permission.MANAGE_KIOSKS);
    return kiosk;
  }

  private KioskView view(Kiosk kiosk, String token, OffsetDateTime now) {
    OffsetDateTime lastSignIn =
        em.createQuery(
                "SELECT e.occurredAt FROM AuditEvent e WHERE e.kioskId = :kiosk AND e.type = :used"
                    + " ORDER BY e.id DESC",
                OffsetDateTime.class)
            .setParameter("kiosk", kiosk.getId())
            .setParameter("used", AuditEventType.KEY_USED)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    return KioskView.of(kiosk, token, throttle.failuresInWindow(kiosk, now), now, lastSignIn);
  }

  private static String newToken() {
    return Tokens.random(KioskTokens.PREFIX, 32);
  }
}
