package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.ejb.limit.CountedEvents;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes, every hour on each instance (spr.kiosk.housekeeping-interval), what no limit or session
 * needs any more: counted events older than any window, and the records of ended kiosk sessions an
 * hour past their expiry (an expired session is refused by its signature's time anyway). Deleting
 * the same rows twice is harmless.
 */
@Singleton
@Startup
@DependsOn("StartupCheck")
public class KioskHousekeeping {

  private static final Logger LOG = Logger.getLogger(KioskHousekeeping.class.getName());

  /** Longer than any window a limit counts over. */
  static final Duration KEEP_COUNTED_EVENTS = Duration.ofDays(2);

  /** The first run after a start: a minute, or the interval if that is shorter. */
  private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Resource TimerService timers;

  @Inject CountedEvents counted;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.kiosk.housekeeping-interval", defaultValue = "PT1H")
  Duration interval;

  @PostConstruct
  void start() {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalStateException(
          "spr.kiosk.housekeeping-interval must be a positive duration, not " + interval);
    }
    Duration first = interval.compareTo(FIRST_RUN_AFTER) < 0 ? interval : FIRST_RUN_AFTER;
    timers.createIntervalTimer(
        first.toMillis(), interval.toMillis(), new TimerConfig("kiosk-housekeeping", false));
  }

  @Timeout
  void removeOld() {
    OffsetDateTime now = Times.now(clock);
    try {
      int events = counted.removeBefore(now.minus(KEEP_COUNTED_EVENTS));
      int sessions =
          em.createQuery(
                  "DELETE FROM KioskSessionEnd e WHERE e.expiresAt < :past"
                      + " OR (e.expiresAt IS NULL AND e.endedAt < :dayAgo)")
              // an hour past its expiry: an instance whose clock is behind still refuses it
              .setParameter("past", now.minusHours(1))
              .setParameter("dayAgo", now.minusDays(1))
              .executeUpdate();
      LOG.fine(() -> "Removed " + events + " counted events and " + sessions + " ended sessions");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Kiosk housekeeping failed; the next run tries again", e);
      throw e;
    }
  }
}
