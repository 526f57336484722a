package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily budget of text messages a site's kiosks may trigger with "Request PIN"
 * (spr.sms.daily-limit-per-site, counted per calendar day in the site's time zone), so that the
 * kiosk cannot be used to pump SMS. Messages staff send are not limited by it.
 */
@ApplicationScoped
public class SmsBudget {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "spr.sms.daily-limit-per-site", defaultValue = "100")
  int dailyLimit;

  /**
   * Whether {@code more} text messages would exceed today's budget; if so, how long until the
   * site's next midnight, when it is renewed.
   */
  public Optional<Duration> exceededBy(Site site, OffsetDateTime now, int more) {
    ZonedDateTime local = now.atZoneSameInstant(site.getTimeZone());
    ZonedDateTime startOfDay = local.toLocalDate().atStartOfDay(site.getTimeZone());
    long used =
        em.createQuery(
                "SELECT COUNT(n) FROM Notification n WHERE n.siteId = :site AND n.channel = :sms"
                    + " AND n.kind = :kind AND n.createdAt >= :since",
                Long.class)
            .setParameter("site", site.getId())
            .setParameter("sms", Channel.SMS)
            .setParameter("kind", NotificationKind.PIN_REQUEST)
            .setParameter("since", startOfDay.toOffsetDateTime())
            .getSingleResult();
    if (used + more <= dailyLimit) {
      return Optional.empty();
    }
    Duration untilMidnight = Duration.between(local, startOfDay.plusDays(1));
    return Optional.of(untilMidnight.isZero() ? Duration.ofSeconds(1) : untilMidnight);
  }
}
