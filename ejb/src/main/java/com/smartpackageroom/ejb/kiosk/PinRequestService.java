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
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.Outbox;
import com.smartpackageroom.ejb.notification.SmsBudget;
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
 * number the site knows them by and receives a one-time PIN there. Limited per contact
 * (spr.kiosk.pin-requests-per-hour) and refused while the kiosk is throttled.
 */
@Stateless
public class PinRequestService {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject KioskThrottle throttle;

  @Inject LookupHash hashes;

  @Inject AccessKeyService keys;

  @Inject Outbox outbox;

  @Inject AccessKeyMessages messages;

  @Inject SecretBox box;

  @Inject AuditLog audit;

  @Inject SmsBudget smsBudget;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.kiosk.pin-requests-per-hour", defaultValue = "3")
  int requestsPerHour;

  public void request(String kioskToken, String rawContact) {
    Kiosk kiosk = throttle.authenticate(kioskToken);
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
    OffsetDateTime now = Times.now(clock);
    throttle.requireNotBlocked(kiosk, now, "too-many-requests");
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
      audit.record(
          site.getId(),
          AuditEventType.PIN_REQUEST_REFUSED,
          KioskThrottle.actor(kiosk),
          kiosk.getId(),
          "too many requests for one contact");
      Duration wait = Duration.between(now, recent.get(0).plusHours(1));
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
            .setMaxResults(5)
            .getResultList();
    if (recipients.isEmpty()) {
      audit.record(
          site.getId(),
          AuditEventType.PIN_REQUEST_REFUSED,
          KioskThrottle.actor(kiosk),
          kiosk.getId(),
          "unknown contact");
      throw new RecordedRefusal(
          Reason.NOT_FOUND,
          "contact-not-found",
          "This email address or phone number is not known here. Check it and try again.");
    }
    Caller kioskCaller = Caller.system("kiosk:" + kiosk.getId());
    OffsetDateTime expiry = keys.defaultSingleAccessExpiry(now);
    Channel channel = isEmail ? Channel.EMAIL : Channel.SMS;
    Optional<Duration> budgetWait =
        channel == Channel.SMS
            ? smsBudget.exceededBy(site, now, recipients.size())
            : Optional.empty();
    if (budgetWait.isPresent()) {
      audit.record(
          site.getId(),
          AuditEventType.PIN_REQUEST_REFUSED,
          KioskThrottle.actor(kiosk),
          kiosk.getId(),
          "daily SMS budget used up");
      throw new RecordedRefusal(
          Reason.TOO_MANY_REQUESTS,
          "too-many-requests",
          "No more PINs can be sent by text message from this kiosk today: enter your email"
              + " address instead, or ask the staff",
          budgetWait.get());
    }
    for (Recipient r : recipients) {
      Holder holder = Holders.of(r);
      AccessKey key = keys.issueSingleUsePin(kioskCaller, site, holder, expiry, now);
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
          AuditEventType.PIN_REQUESTED, KioskThrottle.actor(kiosk), key, kiosk.getId(), null);
    }
  }
}
