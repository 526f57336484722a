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
 * "This PIN is not available" tells whoever chose the PIN that somebody at the site holds it (or
 * held it): an oracle for insiders. So an account may be refused at most
 * spr.keys.custom-pin-refusals-per-day custom PINs within 24 hours; then it is refused with 429
 * until the oldest refusal is a day old. Each refusal is audited. Counted under the account's row
 * lock, so parallel attempts do not get past the limit.
 */
@ApplicationScoped
public class CustomPinRefusals {

  static final Duration WINDOW = Duration.ofHours(24);

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject CountedEvents counted;

  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "spr.keys.custom-pin-refusals-per-day", defaultValue = "10")
  int perDay;

  @PostConstruct
  void check() {
    if (perDay < 1) {
      throw new IllegalStateException(
          "spr.keys.custom-pin-refusals-per-day must be at least 1, not " + perDay);
    }
  }

  /** Nothing but being made: the setting is checked when the bean is (at start-up). */
  public void ready() {
    // made and checked
  }

  /** Refuses (429) a caller who has used up the day's refusals. */
  public void requireAllowed(Caller caller, OffsetDateTime now) {
    if (caller.accountId() != null) {
      Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
      if (account == null) {
        return;
      }
    }
    List<OffsetDateTime> refused =
        counted.since(CountedEvent.Kind.CUSTOM_PIN_REFUSAL, caller.actor(), now.minus(WINDOW));
    if (refused.size() >= perDay) {
      Duration wait =
          Duration.between(now, refused.get(refused.size() - perDay).plus(WINDOW)).plusSeconds(1);
      throw new RecordedRefusal(
          Reason.TOO_MANY_REQUESTS,
          "too-many-requests",
          "Too many chosen PINs were refused today: generate a PIN instead, or try again later",
          wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }
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
