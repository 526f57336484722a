package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
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
import java.util.List;

/** Registers a site's kiosks and hands out their tokens (shown once, kept as hashes). */
@Stateless
public class KioskRegistry {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject AuditLog audit;

  @Inject Clock clock;

  public KioskView register(Caller caller, Long siteId, String name) {
    Site site = guard.site(caller, siteId, Permission.MANAGE_KIOSKS);
    String token = Tokens.random("kiosk_", 32);
    Kiosk kiosk =
        new Kiosk(site, Fields.required("name", name, 200), Tokens.sha256(token), Times.now(clock));
    em.persist(kiosk);
    em.flush();
    audit.record(siteId, AuditEventType.KIOSK_REGISTERED, caller.actor(), kiosk.getId(), null);
    return KioskView.of(kiosk, token);
  }

  public List<KioskView> list(Caller caller, Long siteId) {
    guard.site(caller, siteId, Permission.MANAGE_KIOSKS);
    return em
        .createQuery("SELECT k FROM Kiosk k WHERE k.siteId = :site ORDER BY k.name", Kiosk.class)
        .setParameter("site", siteId)
        .getResultList()
        .stream()
        .map(k -> KioskView.of(k, null))
        .toList();
  }
}
