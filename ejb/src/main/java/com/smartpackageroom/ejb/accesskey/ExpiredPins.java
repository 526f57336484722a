package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends one-time PINs that expired unused, every spr.keys.expiry-check-interval on each instance:
 * each becomes inactive, its value goes into the reuse quarantine (so that the 6-digit space
 * lasts), and the expiry is audited; so do those deactivated before they expired (by staff, or when
 * their resident moved out), which would otherwise hold their value for ever. Rows are taken under
 * a lock, so two instances never end the same PIN twice.
 */
@Singleton
@Startup
@DependsOn("StartupCheck")
public class ExpiredPins {

  private static final Logger LOG = Logger.getLogger(ExpiredPins.class.getName());

  /** One-time PINs ended in one transaction; the rest wait for the next run. */
  static final int BATCH = 500;

  private static final String ACTOR = Caller.system("expiry").actor();

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Resource TimerService timers;

  @Inject KeyValues values;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.keys.expiry-check-interval", defaultValue = "PT15M")
  Duration interval;

  @PostConstruct
  void start() {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalStateException("spr.keys.expiry-check-interval must be positive");
    }
    long millis = interval.toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("expired-one-time-pins", false));
  }

  @Timeout
  void endExpired() {
    OffsetDateTime now = Times.now(clock);
    try {
      List<Long> expired =
          em.createQuery(
                  "SELECT k.id FROM AccessKey k WHERE k.singleUse = TRUE AND k.usedAt IS NULL"
                      + " AND k.status <> :deleted AND k.lookupHash IS NOT NULL"
                      + " AND k.expiresAt < :now ORDER BY k.id",
                  Long.class)
              .setParameter("deleted", AccessKeyStatus.DELETED)
              .setParameter("now", now)
              .setMaxResults(BATCH)
              .getResultList();
      for (Long id : expired) {
        // locked one by one (H2 refuses FOR UPDATE with a row limit); checked again once locked
        AccessKey key = em.find(AccessKey.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (key != null && key.expire(now)) {
          values.retireForQuarantine(key.getSiteId(), key.releaseValue(), now);
          audit.recordKey(AuditEventType.KEY_EXPIRED, ACTOR, key);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Ending expired one-time PINs failed; the next run tries again", e);
      throw e;
    }
  }
}
