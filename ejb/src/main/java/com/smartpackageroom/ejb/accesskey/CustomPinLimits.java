package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.limit.CountedEvent;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.shared.RecordedRefusal;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.limit.CountedEvents;
import com.smartpackageroom.ejb.security.Caller;
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
 * Limits on chosen PINs, per account over 24 hours, counted under the account's row lock so that
 * parallel attempts do not get past them:
 *
 * <ul>
 *   <li>"This PIN is not available" tells whoever chose the PIN that somebody at the site holds it
 *       (or held it): an oracle for insiders. An account may be refused at most
 *       spr.keys.custom-pin-refusals-per-day chosen PINs; each refusal is audited;
 *   <li>each PIN replaced by a chosen one rests in the reuse quarantine: an account may replace at
 *       most spr.keys.custom-pin-changes-per-day PINs, so that nobody fills the quarantine (and
 *       stops the site from issuing PINs) by changing a PIN again and again.
 * </ul>
 *
 * Past a limit the account is refused with 429 until the oldest counted event is a day old.
 */
@ApplicationScoped
public class CustomPinLimits {

  static final Duration WINDOW = Duration.ofHours(24);

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject CountedEvents counted;

  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "spr.keys.custom-pin-refusals-per-day", defaultValue = "10")
  int perDay;

  @Inject
  @ConfigProperty(name = "spr.keys.custom-pin-changes-per-day", defaultValue = "20")
  int changesPerDay;

  @PostConstruct
  void check() {
    if (perDay < 1 || changesPerDay < 1) {
      throw new IllegalStateException(
          "spr.keys.custom-pin-refusals-per-day and spr.keys.custom-pin-changes-per-day must be at"
              + " least 1, not "
              + perDay
              + " and "
              + changesPerDay);
    }
  }

  /** Nothing but being made: the setting is checked when the bean is (at start-up). */
  public void ready() {
    // made and checked
  }

  /** Refuses (429) a caller who has used up the day's refusals or, for a change, changes. */
  public void requireAllowed(Caller caller, boolean change, OffsetDateTime now) {
    if (caller.accountId() != null) {
      Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
      if (account == null) {
        return;
      }
    }
    refuseBeyond(
        CountedEvent.Kind.CUSTOM_PIN_REFUSAL,
        perDay,
        caller,
        now,
        "Too many chosen PINs were refused today: generate a PIN instead, or try again later");
    if (change) {
      refuseBeyond(
          CountedEvent.Kind.CUSTOM_PIN_CHANGE,
          changesPerDay,
          caller,
          now,
          "Too many PINs were changed today: try again tomorrow");
    }
  }

  private void refuseBeyond(
      CountedEvent.Kind kind, int limit, Caller caller, OffsetDateTime now, String message) {
    List<OffsetDateTime> counted = this.counted.since(kind, caller.actor(), now.minus(WINDOW));
    if (counted.size() >= limit) {
      Duration wait =
          Duration.between(now, counted.get(counted.size() - limit).plus(WINDOW)).plusSeconds(1);
      throw new RecordedRefusal(
          Reason.TOO_MANY_REQUESTS,
          "too-many-requests",
          message,
          wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }
  }

  /** Counts a PIN replaced by a chosen one. */
  public void recordChange(Caller caller, OffsetDateTime now) {
    counted.record(CountedEvent.Kind.CUSTOM_PIN_CHANGE, caller.actor(), now);
  }

  /** Counts and audits a refused custom PIN. */
  public void record(Caller caller, Long siteId, Long keyId, OffsetDateTime now) {
    counted.record(CountedEvent.Kind.CUSTOM_PIN_REFUSAL, caller.actor(), now);
    audit.record(
        siteId,
        AuditEventType.CUSTOM_PIN_REFUSED,
        caller.actor(),
        null,
        keyId == null ? "new PIN: value not available" : "key " + keyId + ": value not available");
  }
}
