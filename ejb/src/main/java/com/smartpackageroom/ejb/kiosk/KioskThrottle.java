package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.kiosk.ThrottlePolicy;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.shared.RecordedRefusal;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates kiosks and keeps their sign-in throttle in the database, so that it holds across
 * restarts and across server instances: after spr.kiosk.throttle.free-failures failures in a row
 * each further attempt waits, from spr.kiosk.throttle.initial-delay doubling up to
 * spr.kiosk.throttle.max-delay; the site's property managers are alerted at
 * spr.kiosk.throttle.alert-after failures.
 */
@ApplicationScoped
public class KioskThrottle {

  /** Longer bearer tokens are refused without a look-up. */
  static final int MAX_TOKEN_LENGTH = 200;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Outbox outbox;

  @Inject AccessKeyMessages messages;

  @Inject
  @ConfigProperty(name = "spr.kiosk.throttle.free-failures", defaultValue = "5")
  int freeFailures;

  @Inject
  @ConfigProperty(name = "spr.kiosk.throttle.initial-delay", defaultValue = "PT30S")
  Duration initialDelay;

  @Inject
  @ConfigProperty(name = "spr.kiosk.throttle.max-delay", defaultValue = "PT30M")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "spr.kiosk.throttle.alert-after", defaultValue = "10")
  int alertAfter;

  private ThrottlePolicy policy;

  @PostConstruct
  void init() {
    try {
      policy = new ThrottlePolicy(freeFailures, initialDelay, maxDelay, alertAfter);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "spr.kiosk.throttle.free-failures, initial-delay and max-delay: " + e.getMessage(), e);
    }
  }

  /** Nothing but being made: the settings are checked when the bean is ({@link StartupCheck}). */
  public void ready() {
    // made and checked
  }

  /** The kiosk a bearer token belongs to. */
  public Kiosk authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
      throw unauthenticated();
    }
    return em.createQuery("SELECT k FROM Kiosk k WHERE k.tokenHash = :hash", Kiosk.class)
        .setParameter("hash", Tokens.sha256(token))
        .getResultStream()
        .findFirst()
        .orElseThrow(KioskThrottle::unauthenticated);
  }

  /** Refuses (429, {@code code}) while the kiosk must wait; the refusal is audited. */
  public void requireNotBlocked(Kiosk kiosk, OffsetDateTime now, String code) {
    requireNotBlocked(kiosk, now, code, null);
  }

  private void requireNotBlocked(Kiosk kiosk, OffsetDateTime now, String code, String detail) {
    kiosk
        .remainingBlock(now)
        .ifPresent(
            wait -> {
              audit.record(
                  kiosk.getSiteId(),
                  AuditEventType.SIGN_IN_THROTTLED,
                  actor(kiosk),
                  kiosk.getId(),
                  detail);
              throw new RecordedRefusal(
                  Reason.TOO_MANY_REQUESTS,
                  code,
                  "Too many wrong attempts at this kiosk: try again in "
                      + seconds(wait)
                      + " seconds",
                  roundUp(wait));
            });
  }

  /**
   * Counts a failure, under a row lock so that concurrent failures all count. An attempt that finds
   * the kiosk made to wait meanwhile by concurrent failures is refused as throttled (429) instead:
   * wrong PINs sent in parallel get no more tries than wrong PINs sent one by one.
   *
   * @param detail what was refused, for the audit event of such a late refusal
   */
  public void recordFailure(Kiosk kiosk, OffsetDateTime now, String detail) {
    em.refresh(kiosk, LockModeType.PESSIMISTIC_WRITE);
    requireNotBlocked(kiosk, now, "kiosk-throttled", detail);
    int failures = kiosk.recordFailure(policy, now);
    if (policy.isAlertPoint(failures)) {
      alertManagers(kiosk, failures);
    }
  }

  public void recordSuccess(Kiosk kiosk) {
    if (kiosk.hasFailures()) {
      em.refresh(kiosk, LockModeType.PESSIMISTIC_WRITE);
      kiosk.recordSuccess();
    }
  }

  private void alertManagers(Kiosk kiosk, int failures) {
    audit.record(
        kiosk.getSiteId(),
        AuditEventType.KIOSK_ALERT,
        actor(kiosk),
        kiosk.getId(),
        failures + " failed sign-ins in a row");
    List<Account> managers =
        em.createQuery(
                "SELECT a FROM Account a JOIN a.sites s WHERE s.id = :site AND a.role = :role",
                Account.class)
            .setParameter("site", kiosk.getSiteId())
            .setParameter("role", Role.PROPERTY_MANAGER)
            .getResultList();
    for (Account manager : managers) {
      if (manager.isEnabled()) {
        outbox.enqueue(
            kiosk.getSiteId(),
            NotificationKind.KIOSK_ALERT,
            Channel.EMAIL,
            manager.getEmail(),
            messages.kioskAlert(kiosk.getSite(), kiosk.getName(), failures),
            null);
      }
    }
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

  private static long seconds(Duration wait) {
    return roundUp(wait).getSeconds();
  }

  private static Duration roundUp(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
