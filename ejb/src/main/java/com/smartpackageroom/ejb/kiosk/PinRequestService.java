package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.contact.EmailAddresses;
import com.smartpackageroom.domain.contact.PhoneNumbers;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.kiosk.PinRequest;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.recipient.Recipient;
import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.shared.RecordedRefusal;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.Holder;
import com.smartpackageroom.ejb.accesskey.Holders;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.LookupHash;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.Outbox;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Request PIN" at the kiosk (seed 000): a recipient who forgot their PIN types the email or phone
 * number the site knows them by and receives a one-time PIN there.
 *
 * <p>A kiosk must not become an oracle of residents' contacts nor a pump of messages and live PINs:
 * an unknown contact is a failed attempt at the kiosk (both limits of its throttle); requests are
 * limited per contact (spr.kiosk.pin-requests-per-hour) and per site and day for each channel
 * ({@link PinRequestBudget}), and once a budget is spent every contact of that channel gets the
 * same 429 {@code too-many-requests} before any look-up; a kiosk that waits (either limit of its
 * throttle) answers the same 429 {@code too-many-requests}, as KIOSK-API.md's line for Request PIN
 * names it ("or when the kiosk is throttled"); a recipient has at most one live requested PIN.
 * Requests of a site are decided one at a time under the site's row lock, so the limits hold under
 * parallel requests.
 */
@Stateless
public class PinRequestService {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject KioskTokens kiosks;

  @Inject KioskThrottle throttle;

  @Inject LookupHash hashes;

  @Inject AccessKeyService keys;

  @Inject Outbox outbox;

  @Inject AccessKeyMessages messages;

  @Inject SecretBox box;

  @Inject AuditLog audit;

  @Inject PinRequestBudget budget;

  @Inject SiteLocks siteLocks;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.kiosk.pin-requests-per-hour", defaultValue = "3")
  int requestsPerHour;

  /** At most this many recipients get a PIN for one contact (a family sharing a phone). */
  private static final int MAX_RECIPIENTS_PER_CONTACT = 5;

  public void request(String kioskToken, String rawContact) {
    Kiosk kiosk = kiosks.authenticate(kioskToken);
    Site site = kiosk.getSite();
    if (!site.isRequestPinEnabled()) {
      throw new DomainException(
          Reason.FORBIDDEN, "feature-disabled", "Request PIN is not available at this site");
    }
    if (rawContact == null || rawContact.isBlank()) {
      throw DomainException.invalid("contact is required (an email address or phone number)");
    }
    boolean isEmail = EmailAddresses.looksLikeEmail(rawContact);
    String contact =
        isEmail
            ? EmailAddresses.parse(rawContact)
                .orElseThrow(() -> DomainException.invalid("contact is not a valid email address"))
            : PhoneNumbers.parse(rawContact, site.getCountry())
                .orElseThrow(
                    () ->
                        DomainException.invalid(
                            "contact is not a valid email address or phone number"));
    Channel channel = isEmail ? Channel.EMAIL : Channel.SMS;
    // a kiosk that waits: too-many-requests, the code the contract's Request PIN line names
    throttle.refuseIfBlocked(kiosk, Times.now(clock), "too-many-requests");
    // the site's lock first, then the kiosk's (the order every path that takes both follows)
    siteLocks.lock(site.getId());
    throttle.lock(kiosk, Tokens.sha256(kioskToken), Times.now(clock), "too-many-requests");
    OffsetDateTime now = Times.now(clock);
    Optional<Duration> budgetWait = budget.spent(site, channel, now);
    if (budgetWait.isPresent()) {
      refuse(kiosk, "daily " + channel + " budget used up");
      throw new RecordedRefusal(
          Reason.TOO_MANY_REQUESTS,
          "too-many-requests",
          channel == Channel.SMS
              ? "No more PINs can be sent by text message from this kiosk today: enter your email"
                  + " address instead, or ask the staff"
              : "No more PINs can be sent by email from this kiosk today: enter your phone number"
                  + " instead, or ask the staff",
          budgetWait.get());
    }
    String contactHash = hashes.ofContact(site.getId(), contact);
    List<OffsetDateTime> recent =
        em.createQuery(
                "SELECT p.requestedAt FROM PinRequest p WHERE p.siteId = :site"
                    + " AND p.contactHash = :hash AND p.requestedAt > :since ORDER BY p.requestedAt",
                OffsetDateTime.class)
            .setParameter("site", site.getId())
            .setParameter("hash", contactHash)
            .setParameter("since", now.minusHours(1))
            .getResultList();
    if (recent.size() >= requestsPerHour) {
      refuse(kiosk, "too many requests for one contact");
      Duration wait =
          Duration.between(now, recent.get(recent.size() - requestsPerHour).plusHours(1));
      throw new RecordedRefusal(
          Reason.TOO_MANY_REQUESTS,
          "too-many-requests",
          "Too many PIN requests for this contact: try again later",
          Duration.ofSeconds(Math.max(1, wait.getSeconds() + 1)));
    }
    em.persist(new PinRequest(site.getId(), contactHash, now));
    List<Recipient> recipients =
        em.createQuery(
                "SELECT r FROM Recipient r WHERE r.siteId = :site AND r.status = :active AND "
                    + (isEmail ? "r.email" : "r.phone")
                    + " = :contact ORDER BY r.id",
                Recipient.class)
            .setParameter("site", site.getId())
            .setParameter("active", RecipientStatus.ACTIVE)
            .setParameter("contact", contact)
            .setMaxResults(MAX_RECIPIENTS_PER_CONTACT)
            .getResultList();
    if (recipients.isEmpty()) {
      // a failed attempt like a wrong PIN: probing contacts costs the kiosk's budget
      throttle.recordFailure(kiosk, now);
      refuse(kiosk, "unknown contact");
      throw new RecordedRefusal(
          Reason.NOT_FOUND,
          "contact-not-found",
          "This email address or phone number is not known here. Check it and try again.");
    }
    Caller kioskCaller = Caller.system(KioskTokens.actor(kiosk));
    OffsetDateTime expiry = keys.defaultSingleAccessExpiry(site, now);
    for (Recipient r : recipients) {
      Holder holder = Holders.of(r);
      AccessKey key = keys.issueRequestedPin(kioskCaller, site, holder, expiry, now);
      Long qrKeyId = keys.activeQrKeyId(holder);
      outbox.enqueue(
          site.getId(),
          NotificationKind.PIN_REQUEST,
          channel,
          contact,
          messages.singleAccessPin(
              site, holder, box.open(key.getSecretEncrypted()), expiry, channel, qrKeyId != null),
          key.getId(),
          qrKeyId);
      audit.recordKey(
          AuditEventType.PIN_REQUESTED, KioskTokens.actor(kiosk), key, kiosk.getId(), null);
    }
  }

  private void refuse(Kiosk kiosk, String why) {
    audit.record(
        kiosk.getSiteId(),
        AuditEventType.PIN_REQUEST_REFUSED,
        KioskTokens.actor(kiosk),
        kiosk.getId(),
        why);
  }
}
