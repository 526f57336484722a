package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.kiosk.ThrottlePolicy;
import com.smartpackageroom.domain.limit.CountedEvent;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.shared.RecordedRefusal;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.limit.CountedEvents;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A kiosk's throttle ({@link ThrottlePolicy}), kept in the database so that it holds across
 * restarts and instances: failures in a row on the kiosk's row, failures within the budget's window
 * as counted events. Every attempt that the service decides takes the kiosk's row lock first and
 * checks the block under it ({@link #lock}), so that parallel attempts are judged one after the
 * other: a burst of wrong PINs gets no more answers than the same PINs sent one by one, and a
 * success cannot slip in after the failure that blocked the kiosk.
 */
@ApplicationScoped
public class KioskThrottle {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject KioskAlerts alerts;

  @Inject CountedEvents counted;

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

  @Inject
  @ConfigProperty(name = "spr.kiosk.throttle.daily-failures", defaultValue = "50")
  int dailyFailures;

  private ThrottlePolicy policy;

  @PostConstruct
  void init() {
    try {
      policy =
          new ThrottlePolicy(
              freeFailures,
              initialDelay,
              maxDelay,
              alertAfter,
              dailyFailures,
              ThrottlePolicy.DEFAULT.window());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "spr.kiosk.throttle.free-failures, initial-delay, max-delay, alert-after and"
              + " daily-failures: "
              + e.getMessage(),
          e);
    }
  }

  /** Nothing but being made: the settings are checked when the bean is ({@link StartupCheck}). */
  public void ready() {
    // made and checked
  }

  public ThrottlePolicy policy() {
    return policy;
  }

  /**
   * Refuses (429, {@code code}) a kiosk whose block holds as last committed, without taking its
   * lock: while a kiosk waits, its attempts are turned away at once instead of queueing for the row
   * (and for database connections) behind each other.
   */
  public void refuseIfBlocked(Kiosk kiosk, OffsetDateTime now, String code) {
    Optional<Duration> wait = kiosk.remainingBlock(now);
    if (wait.isPresent()) {
      throw throttled(kiosk, wait.get(), code);
    }
  }

  /**
   * Takes the kiosk's row lock for the rest of the transaction and checks, under it, that the
   * presented token is still the kiosk's (a rotation or retirement that committed meanwhile stops
   * it: 401) and that the kiosk need not wait (429, {@code code}).
   */
  public void lock(Kiosk kiosk, String tokenHash, OffsetDateTime now, String code) {
    em.refresh(kiosk, LockModeType.PESSIMISTIC_WRITE);
    if (!kiosk.holdsToken(tokenHash)) {
      throw KioskTokens.unauthenticated();
    }
    Optional<Duration> wait = kiosk.remainingBlock(now);
    if (wait.isPresent()) {
      throw throttled(kiosk, wait.get(), code);
    }
  }

  /**
   * The refusal of an attempt while the kiosk waits. The block is written to the audit log once, by
   * the first refusal that sees it (a conditional update decides which), not once per refused
   * attempt: a kiosk hammered while it waits does not fill the log.
   */
  private RecordedRefusal throttled(Kiosk kiosk, Duration wait, String code) {
    int first =
        em.createQuery(
                "UPDATE Kiosk k SET k.throttleNotedUntil = k.blockedUntil WHERE k.id = :id"
                    + " AND k.blockedUntil IS NOT NULL AND (k.throttleNotedUntil IS NULL"
                    + " OR k.throttleNotedUntil < k.blockedUntil)")
            .setParameter("id", kiosk.getId())
            .executeUpdate();
    if (first > 0) {
      audit.record(
          kiosk.getSiteId(),
          AuditEventType.SIGN_IN_THROTTLED,
          KioskTokens.actor(kiosk),
          kiosk.getId(),
          "refusing every attempt until " + kiosk.getBlockedUntil());
    }
    return new RecordedRefusal(
        Reason.TOO_MANY_REQUESTS,
        code,
        "Too many wrong attempts at this kiosk: try again in "
            + roundUp(wait).getSeconds()
            + " seconds",
        roundUp(wait));
  }

  /**
   * Counts a failed attempt at a kiosk {@link #lock locked} by this transaction, and alerts the
   * site's managers at the alert point in a row and when the budget is first spent in a window.
   */
  public void recordFailure(Kiosk kiosk, OffsetDateTime now) {
    String subject = subject(kiosk);
    counted.record(CountedEvent.Kind.KIOSK_FAILURE, subject, now);
    List<OffsetDateTime> inWindow =
        counted.since(CountedEvent.Kind.KIOSK_FAILURE, subject, policy.windowStart(now));
    int inARow = kiosk.recordFailure(policy, inWindow, now);
    if (policy.isAlertPoint(inARow)) {
      alerts.failuresInARow(kiosk, inARow);
    }
    if (kiosk.alertBudgetSpent(policy, inWindow.size(), now)) {
      alerts.budgetSpent(kiosk, inWindow.size(), kiosk.getBlockedUntil());
    }
  }

  /**
   * A success at a kiosk {@link #lock locked} by this transaction: failures in a row start over.
   */
  public void recordSuccess(Kiosk kiosk) {
    if (kiosk.hasFailures()) {
      kiosk.recordSuccess();
    }
  }

  /** Forgets a kiosk's failures, both limits; the caller audits it. */
  public void clear(Kiosk kiosk) {
    em.refresh(kiosk, LockModeType.PESSIMISTIC_WRITE);
    counted.clear(CountedEvent.Kind.KIOSK_FAILURE, subject(kiosk));
    kiosk.clearFailures();
  }

  /** How many failures of the kiosk count against its budget now. */
  public int failuresInWindow(Kiosk kiosk, OffsetDateTime now) {
    return (int)
        counted.count(CountedEvent.Kind.KIOSK_FAILURE, subject(kiosk), policy.windowStart(now));
  }

  private static String subject(Kiosk kiosk) {
    return String.valueOf(kiosk.getId());
  }

  private static Duration roundUp(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
