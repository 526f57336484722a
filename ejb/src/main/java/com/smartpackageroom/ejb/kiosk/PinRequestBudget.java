package com.smartpackageroom.ejb.kiosk;

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
 * The daily budgets of one-time PINs a site's kiosks may send with "Request PIN", per channel
 * (spr.sms.daily-limit-per-site text messages, spr.kiosk.pin-request-emails-per-day emails; per
 * calendar day in the site's time zone), so that a kiosk cannot be used to pump messages. Messages
 * staff send are not limited by them. Counted under the site's row lock, which the caller holds.
 */
@ApplicationScoped
public class PinRequestBudget {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "spr.sms.daily-limit-per-site", defaultValue = "100")
  int smsPerDay;

  @Inject
  @ConfigProperty(name = "spr.kiosk.pin-request-emails-per-day", defaultValue = "300")
  int emailsPerDay;

  /**
   * Whether one more message on {@code channel} would exceed today's budget; if so, how long until
   * the site's next midnight, when it is renewed.
   */
  public Optional<Duration> spent(Site site, Channel channel, OffsetDateTime now) {
    ZonedDateTime local = now.atZoneSameInstant(site.getTimeZone());
    ZonedDateTime startOfDay = local.toLocalDate().atStartOfDay(site.getTimeZone());
    long used =
        em.createQuery(
                "SELECT COUNT(n) FROM Notification n WHERE n.siteId = :site AND n.channel = :channel"
                    + " AND n.kind = :kind AND n.createdAt >= :since",
                Long.class)
            .setParameter("site", site.getId())
            .setParameter("channel", channel)
            .setParameter("kind", NotificationKind.PIN_REQUEST)
            .setParameter("since", startOfDay.toOffsetDateTime())
            .getSingleResult();
    if (used < (channel == Channel.SMS ? smsPerDay : emailsPerDay)) {
      return Optional.empty();
    }
    Duration untilMidnight = Duration.between(local, startOfDay.plusDays(1));
    return Optional.of(untilMidnight.isZero() ? Duration.ofSeconds(1) : untilMidnight);
  }
}
