package com.smartpackageroom.ejb.dashboard;

import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.notification.NotificationStatus;
import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The dashboard's figures of a site. Each is one query on an index (V1 and V8_5), so that the
 * dashboard stays instant at a site with 100 000 recipients and millions of audit events.
 */
@Stateless
public class DashboardService {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Clock clock;

  public DashboardFigures figures(Caller caller, Long siteId) {
    Site site = guard.site(caller, siteId, Permission.VIEW_SITE);
    OffsetDateTime now = Times.now(clock);
    OffsetDateTime weekStart = weekStart(site.getTimeZone(), now);
    return new DashboardFigures(
        activeRecipients(siteId),
        keysIssuedSince(siteId, weekStart),
        Times.instant(weekStart),
        messagesFailed(siteId),
        Permission.IMPORT_RECIPIENTS.grantedTo(caller.role()) ? lastImport(siteId) : null,
        Permission.MANAGE_KIOSKS.grantedTo(caller.role()) ? kiosksThrottled(siteId, now) : null);
  }

  /** Monday 00:00 of this week in the site's time zone. */
  static OffsetDateTime weekStart(ZoneId zone, OffsetDateTime now) {
    ZonedDateTime monday =
        now.atZoneSameInstant(zone)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(zone);
    return Times.utc(monday.toInstant());
  }

  private long activeRecipients(Long siteId) {
    return em.createQuery(
            "SELECT COUNT(r) FROM Recipient r WHERE r.siteId = :site AND r.status = :active",
            Long.class)
        .setParameter("site", siteId)
        .setParameter("active", RecipientStatus.ACTIVE)
        .getSingleResult();
  }

  private long keysIssuedSince(Long siteId, OffsetDateTime since) {
    return em.createQuery(
            "SELECT COUNT(k) FROM AccessKey k WHERE k.siteId = :site AND k.createdAt >= :since",
            Long.class)
        .setParameter("site", siteId)
        .setParameter("since", since)
        .getSingleResult();
  }

  /** Failed messages nobody has sent again yet: what staff still have to act on. */
  private long messagesFailed(Long siteId) {
    return em.createQuery(
            "SELECT COUNT(n) FROM Notification n WHERE n.siteId = :site AND n.status = :failed"
                + " AND n.resentAs IS NULL",
            Long.class)
        .setParameter("site", siteId)
        .setParameter("failed", NotificationStatus.FAILED)
        .getSingleResult();
  }

  private DashboardFigures.LastImport lastImport(Long siteId) {
    return em.createQuery(
            "SELECT i FROM RecipientImport i WHERE i.siteId = :site ORDER BY i.id DESC",
            RecipientImport.class)
        .setParameter("site", siteId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(DashboardFigures.LastImport::of)
        .orElse(null);
  }

  private long kiosksThrottled(Long siteId, OffsetDateTime now) {
    return em.createQuery(
            "SELECT COUNT(k) FROM Kiosk k WHERE k.siteId = :site AND k.retiredAt IS NULL"
                + " AND k.blockedUntil > :now",
            Long.class)
        .setParameter("site", siteId)
        .setParameter("now", now)
        .getSingleResult();
  }
}
