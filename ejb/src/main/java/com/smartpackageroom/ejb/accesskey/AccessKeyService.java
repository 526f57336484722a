package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.accesskey.PinPolicy;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.shared.RecordedRefusal;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.NotifyVia;
import com.smartpackageroom.ejb.notification.Outbox;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access Key Maintenance: generate, customise, look up, deactivate, reactivate and delete keys, and
 * send single access PINs. Every change and every look-up is audited.
 */
@Stateless
public class AccessKeyService {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Holders holders;

  @Inject KeyValues values;

  @Inject CustomPinLimits limits;

  @Inject KeyLifecycle lifecycle;

  @Inject SecretBox box;

  @Inject AuditLog audit;

  @Inject Outbox outbox;

  @Inject AccessKeyMessages messages;

  @Inject QrCodes qrCodes;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.keys.single-access-pin-validity", defaultValue = "PT24H")
  Duration singleAccessValidity;

  @Inject
  @ConfigProperty(name = "spr.keys.single-access-pin-max-validity", defaultValue = "P30D")
  Duration singleAccessMaxValidity;

  public List<AccessKeyView> keysOf(Caller caller, Long siteId, HolderKind kind, Long holderId) {
    Holder holder = holder(caller, siteId, kind, holderId);
    return lifecycle.keysOf(kind, holderId).stream()
        .filter(k -> k.getSiteId().equals(siteId))
        .map(k -> AccessKeyView.of(k, holder.displayName(), null))
        .toList();
  }

  /** "Generate PIN", "Generate QR Code", or a chosen PIN for couriers and staff. */
  public AccessKeyView create(
      Caller caller,
      Long siteId,
      HolderKind kind,
      Long holderId,
      AccessKeyType type,
      String customPin) {
    Holder holder = holder(caller, siteId, kind, holderId);
    requireActive(holder);
    OffsetDateTime now = Times.now(clock);
    String value;
    AuditEventType event = AuditEventType.KEY_GENERATED;
    switch (type) {
      case PIN -> {
        if (customPin != null) {
          if (!kind.mayCustomize()) {
            throw DomainException.invalid(
                "pin cannot be chosen for a recipient: recipients get a generated PIN");
          }
          value = customPin;
          requireIssuable(caller, siteId, null, value, false, now);
          event = AuditEventType.KEY_CUSTOMIZED;
        } else {
          value = values.newPin(siteId, now);
        }
      }
      case QR -> {
        if (customPin != null) {
          throw DomainException.invalid("pin can only be given for a key of type PIN");
        }
        value = values.newQrToken();
      }
      default ->
          throw DomainException.invalid(
              "type must be PIN or QR (key cards are assigned at the kiosk)");
    }
    AccessKey key =
        AccessKey.permanent(
            siteId, type, kind, holderId, values.hash(siteId, type, value), box.seal(value), now);
    em.persist(key);
    values.flushNewValue(
        customPin != null ? AccessKeyService::pinUnavailable : AccessKeyService::pinDrawnTwice);
    audit.recordKey(event, caller.actor(), key);
    if (event == AuditEventType.KEY_GENERATED) {
      announce(em.find(Site.class, siteId), holder, key, value);
    }
    return AccessKeyView.of(key, holder.displayName(), value);
  }

  /** "Send Single Access PIN": a one-time PIN for a recipient, sent by email, SMS or both. */
  public AccessKeyView sendSingleAccessPin(
      Caller caller, Long siteId, Long recipientId, NotifyVia via, Instant expiresAt) {
    return sendSingleAccessPinBy(caller, siteId, recipientId, via, expiresAt).key();
  }

  /** A single access PIN sent, and the ways it went (Both: those the recipient can be sent). */
  public record SentPin(AccessKeyView key, List<Channel> channels) {}

  /** {@link #sendSingleAccessPin}, saying which ways the PIN went. */
  public SentPin sendSingleAccessPinBy(
      Caller caller, Long siteId, Long recipientId, NotifyVia via, Instant expiresAt) {
    Site site = guard.site(caller, siteId, Permission.SEND_SINGLE_ACCESS_PIN);
    Holder holder = holder(caller, siteId, HolderKind.RECIPIENT, recipientId);
    requireActive(holder);
    OffsetDateTime now = Times.now(clock);
    OffsetDateTime expiry =
        expiresAt == null ? defaultSingleAccessExpiry(site, now) : Times.utc(expiresAt);
    if (!expiry.isAfter(now)) {
      throw DomainException.invalid("expiresAt must be in the future");
    }
    if (expiry.isAfter(now.plus(singleAccessMaxValidity))) {
      throw DomainException.invalid(
          "expiresAt must be at most " + singleAccessMaxValidity.toDays() + " days ahead");
    }
    List<Channel> channels = channels(via, holder);
    AccessKey key = issueSingleUsePin(caller, site, holder, expiry, now);
    // its own single-use QR code, of the same expiry: using either one spends both
    AccessKey qr = issueSingleUseQr(caller, site, holder, expiry, now);
    key.pairWith(qr);
    Long qrKeyId = qr.getId();
    for (Channel channel : channels) {
      outbox.enqueue(
          siteId,
          NotificationKind.SINGLE_ACCESS_PIN,
          channel,
          channel == Channel.EMAIL ? holder.email() : holder.phone(),
          messages.singleAccessPin(
              site, holder, box.open(key.getSecretEncrypted()), expiry, channel, qrKeyId != null),
          key.getId(),
          qrKeyId);
    }
    audit.recordKey(
        AuditEventType.SINGLE_ACCESS_PIN_SENT,
        caller.actor(),
        key,
        null,
        "via " + channels.stream().map(Channel::name).collect(Collectors.joining("+")));
    return new SentPin(
        AccessKeyView.of(key, holder.displayName(), box.open(key.getSecretEncrypted())), channels);
  }

  /** The holder's newest active QR key, whose code the emails about their keys show. */
  public Long activeQrKeyId(Holder holder) {
    return em.createQuery(
            "SELECT k.id FROM AccessKey k WHERE k.holderKind = :kind AND k.holderId = :holder"
                + " AND k.siteId = :site AND k.type = :qr AND k.status = :active"
                + " AND k.singleUse = false ORDER BY k.id DESC",
            Long.class)
        .setParameter("kind", holder.kind())
        .setParameter("holder", holder.id())
        .setParameter("site", holder.siteId())
        .setParameter("qr", AccessKeyType.QR)
        .setParameter("active", AccessKeyStatus.ACTIVE)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** A generated PIN or QR code reaches its holder: by email, else (a PIN) by text message. */
  private void announce(Site site, Holder holder, AccessKey key, String value) {
    if (key.getType() == AccessKeyType.QR) {
      if (holder.email() != null) {
        outbox.enqueue(
            site.getId(),
            NotificationKind.ACCESS_KEY,
            Channel.EMAIL,
            holder.email(),
            messages.newQrCode(site, holder),
            key.getId(),
            key.getId());
      }
      return;
    }
    Channel channel = holder.email() != null ? Channel.EMAIL : Channel.SMS;
    String address = channel == Channel.EMAIL ? holder.email() : holder.phone();
    if (address == null) {
      return;
    }
    Long qrKeyId = activeQrKeyId(holder);
    outbox.enqueue(
        site.getId(),
        NotificationKind.ACCESS_KEY,
        channel,
        address,
        messages.newPin(site, holder, value, channel, qrKeyId != null),
        key.getId(),
        qrKeyId);
  }

  /**
   * When a single access PIN sent now at the site would expire if the sender does not choose (the
   * portal's dialog shows it): {@link #defaultSingleAccessExpiry(Site, OffsetDateTime)}, for
   * someone who may send one there.
   */
  public Instant defaultSingleAccessExpiry(Caller caller, Long siteId) {
    Site site = guard.site(caller, siteId, Permission.SEND_SINGLE_ACCESS_PIN);
    return defaultSingleAccessExpiry(site, Times.now(clock)).toInstant();
  }

  /**
   * When a single access PIN issued now at the site expires by default: after the site's validity
   * (Settings), or spr.keys.single-access-pin-validity; never later than the longest allowed.
   */
  public OffsetDateTime defaultSingleAccessExpiry(Site site, OffsetDateTime now) {
    Duration validity = site.getSingleAccessPinValidity().orElse(singleAccessValidity);
    return now.plus(
        validity.compareTo(singleAccessMaxValidity) > 0 ? singleAccessMaxValidity : validity);
  }

  /** A one-time PIN for a holder, audited; the caller decides how it reaches them. */
  public AccessKey issueSingleUsePin(
      Caller caller, Site site, Holder holder, OffsetDateTime expiry, OffsetDateTime now) {
    String pin = values.newPin(site.getId(), now);
    return issued(
        caller,
        AccessKey.singleUsePin(
            site.getId(),
            holder.kind(),
            holder.id(),
            values.hash(site.getId(), AccessKeyType.PIN, pin),
            box.seal(pin),
            expiry,
            now));
  }

  /**
   * A one-time PIN a recipient requested at a kiosk, audited. It replaces the recipient's earlier
   * requested PIN that is still live: a recipient has at most one, so that requests do not multiply
   * the live PINs to guess. The replaced value was never used and goes back without quarantine.
   */
  public AccessKey issueRequestedPin(
      Caller caller, Site site, Holder recipient, OffsetDateTime expiry, OffsetDateTime now) {
    if (recipient.kind() != HolderKind.RECIPIENT) {
      throw new IllegalArgumentException("PINs are requested by recipients only");
    }
    for (AccessKey earlier :
        em.createQuery(
                "SELECT k FROM AccessKey k WHERE k.recipientId = :recipient"
                    + " AND k.kioskRequested = TRUE AND k.status = :active",
                AccessKey.class)
            .setParameter("recipient", recipient.id())
            .setParameter("active", AccessKeyStatus.ACTIVE)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      if (earlier.withdraw(now)) {
        audit.recordKey(
            AuditEventType.KEY_DEACTIVATED,
            caller.actor(),
            earlier,
            null,
            "replaced by a newer requested PIN");
      }
    }
    // the withdrawn values are free before the new PIN is drawn
    em.flush();
    String pin = values.newPin(site.getId(), now);
    return issued(
        caller,
        AccessKey.requestedPin(
            site.getId(),
            recipient.id(),
            values.hash(site.getId(), AccessKeyType.PIN, pin),
            box.seal(pin),
            expiry,
            now));
  }

  private AccessKey issued(Caller caller, AccessKey key) {
    em.persist(key);
    values.flushNewValue(AccessKeyService::pinDrawnTwice);
    audit.recordKey(AuditEventType.KEY_GENERATED, caller.actor(), key, null, "single use");
    return key;
  }

  private AccessKey issueSingleUseQr(
      Caller caller, Site site, Holder holder, OffsetDateTime expiry, OffsetDateTime now) {
    String token = values.newQrToken();
    AccessKey key =
        AccessKey.singleUseQr(
            site.getId(),
            holder.kind(),
            holder.id(),
            values.hash(site.getId(), AccessKeyType.QR, token),
            box.seal(token),
            expiry,
            now);
    em.persist(key);
    em.flush();
    audit.recordKey(
        AuditEventType.KEY_GENERATED, caller.actor(), key, null, "single use, with a PIN");
    return key;
  }

  /** A key; an active key's value is included. Every look-up is audited, value shown or not. */
  public AccessKeyView lookUp(Caller caller, Long keyId) {
    AccessKey key = find(caller, keyId, true);
    String displayName = displayName(key);
    OffsetDateTime now = Times.now(clock);
    if (key.isUsable(now) && key.getSecretEncrypted() != null) {
      audit.recordKey(AuditEventType.KEY_VIEWED, caller.actor(), key);
      return AccessKeyView.of(key, displayName, box.open(key.getSecretEncrypted()));
    }
    audit.recordKey(
        AuditEventType.KEY_VIEWED,
        caller.actor(),
        key,
        null,
        "value not shown: the key is " + (key.isExpired(now) ? "expired" : "not usable"));
    return AccessKeyView.of(key, displayName, null);
  }

  /** The QR code of an active QR key, as a PNG image; audited like a look-up. */
  public byte[] qrPng(Caller caller, Long keyId, int size) {
    AccessKey key = find(caller, keyId, true);
    if (key.getType() != AccessKeyType.QR) {
      throw DomainException.notFound(
          "Access key " + keyId + " is a " + key.getType() + ", not a QR code");
    }
    if (!key.isUsable(Times.now(clock)) || key.getSecretEncrypted() == null) {
      throw DomainException.conflict(
          "key-inactive",
          "Access key " + keyId + " is " + key.getStatus() + ": its QR code cannot be shown");
    }
    audit.recordKey(AuditEventType.KEY_VIEWED, caller.actor(), key, null, "QR code image");
    return qrCodes.png(box.open(key.getSecretEncrypted()), size);
  }

  public AccessKeyView deactivate(Caller caller, Long keyId) {
    AccessKey key = find(caller, keyId, false);
    lifecycle.deactivate(caller, key, Times.now(clock));
    em.flush();
    return AccessKeyView.of(key, displayName(key), null);
  }

  public AccessKeyView reactivate(Caller caller, Long keyId) {
    AccessKey key = find(caller, keyId, false);
    OffsetDateTime now = Times.now(clock);
    if (key.getStatus() != AccessKeyStatus.DELETED) {
      holders
          .find(key.getHolderKind(), key.getHolderId(), key.getSiteId())
          .ifPresent(AccessKeyService::requireActive);
    }
    key.reactivate(now);
    audit.recordKey(AuditEventType.KEY_REACTIVATED, caller.actor(), key);
    em.flush();
    return AccessKeyView.of(key, displayName(key), null);
  }

  public void delete(Caller caller, Long keyId) {
    AccessKey key = find(caller, keyId, false);
    lifecycle.delete(caller, key, Times.now(clock));
    em.flush();
  }

  /** "Customizing a Courier or Staff PIN": a chosen value for an existing PIN. */
  public AccessKeyView customize(Caller caller, Long keyId, String pin) {
    AccessKey key = find(caller, keyId, false);
    if (key.getStatus() == AccessKeyStatus.DELETED) {
      throw DomainException.conflict(
          "key-deleted", "This access key was deleted and cannot be changed");
    }
    if (key.getType() != AccessKeyType.PIN) {
      throw DomainException.invalid("Only a PIN can be customised; this key is a " + key.getType());
    }
    if (!key.getHolderKind().mayCustomize()) {
      throw DomainException.invalid("Only couriers' and staff's PINs can be customised");
    }
    if (key.isSingleUse()) {
      throw DomainException.invalid("A single access PIN cannot be customised");
    }
    OffsetDateTime now = Times.now(clock);
    String newHash = values.hash(key.getSiteId(), AccessKeyType.PIN, pin);
    if (!newHash.equals(key.getLookupHash())) {
      requireIssuable(caller, key.getSiteId(), key.getId(), pin, true, now);
      String old = key.changeSecret(newHash, box.seal(pin), now);
      limits.recordChange(caller, now);
      // the replaced value rests like a used one-time PIN before anyone may get it again
      values.retireForQuarantine(key.getSiteId(), old, now);
      values.flushNewValue(AccessKeyService::pinUnavailable);
      audit.recordKey(AuditEventType.KEY_CUSTOMIZED, caller.actor(), key);
    }
    return AccessKeyView.of(key, displayName(key), pin);
  }

  /**
   * A chosen PIN must be strong and free; a refusal as unavailable is counted against the caller
   * (nothing has been changed yet, so the refusal's record is all the transaction keeps).
   */
  private void requireIssuable(
      Caller caller, Long siteId, Long keyId, String pin, boolean change, OffsetDateTime now) {
    PinPolicy.checkCustom(pin);
    limits.requireAllowed(caller, change, now);
    if (!values.isAvailable(values.hash(siteId, AccessKeyType.PIN, pin), now)) {
      limits.record(caller, siteId, keyId, now);
      DomainException unavailable = pinUnavailable();
      throw new RecordedRefusal(unavailable.reason(), unavailable.code(), unavailable.getMessage());
    }
  }

  /**
   * A generated PIN that was free when drawn, taken by another request's key before this one was
   * written (both drew it at the same moment, or an import's uncommitted chunk held it): nothing is
   * issued, and the same request again draws another.
   */
  private static DomainException pinDrawnTwice() {
    return DomainException.conflict(
        "pin-conflict",
        "Another key took the same PIN at the same moment; nothing was issued. Please try again.");
  }

  private static DomainException pinUnavailable() {
    return DomainException.conflict(
        "pin-unavailable",
        "This PIN is already in use or was used before at this site. Choose another 6-digit PIN.");
  }

  private AccessKey find(Caller caller, Long keyId, boolean lookUp) {
    AccessKey key = keyId == null ? null : em.find(AccessKey.class, keyId);
    if (key == null) {
      throw DomainException.notFound("There is no access key " + keyId);
    }
    if (!(key.getHolderKind() == HolderKind.STAFF
        && caller.is(key.getHolderId())
        && caller.belongsTo(key.getSiteId()))) {
      Permission needed =
          lookUp && key.getHolderKind() == HolderKind.RECIPIENT
              ? Permission.LOOK_UP_RECIPIENT_PIN
              : manage(key.getHolderKind());
      guard.check(caller, key.getSiteId(), needed);
    }
    return key;
  }

  private Holder holder(Caller caller, Long siteId, HolderKind kind, Long holderId) {
    guard.site(caller, siteId, Permission.VIEW_SITE);
    Holder holder =
        holders
            .find(kind, holderId, siteId)
            .orElseThrow(
                () -> {
                  // a staff member of other sites only: theirs to see, not this site's
                  guard.checkAny(caller, holders.sitesOfStaff(kind, holderId), manage(kind));
                  return DomainException.notFound(
                      "There is no " + kind.name().toLowerCase() + " " + holderId);
                });
    if (!holder.siteId().equals(siteId)) {
      guard.check(caller, holder.siteId(), manage(kind));
      throw DomainException.notFound(
          "There is no " + kind.name().toLowerCase() + " " + holderId + " at site " + siteId);
    }
    if (!(kind == HolderKind.STAFF && caller.is(holderId))) {
      guard.check(caller, siteId, manage(kind));
    }
    return holder;
  }

  private String displayName(AccessKey key) {
    return holders
        .find(key.getHolderKind(), key.getHolderId(), key.getSiteId())
        .map(Holder::displayName)
        .orElse("(erased)");
  }

  private static List<Channel> channels(NotifyVia via, Holder holder) {
    boolean email = holder.email() != null;
    boolean sms = holder.phone() != null;
    List<Channel> channels =
        switch (via) {
          case EMAIL -> email ? List.of(Channel.EMAIL) : List.of();
          case SMS -> sms ? List.of(Channel.SMS) : List.of();
          case BOTH ->
              email && sms
                  ? List.of(Channel.EMAIL, Channel.SMS)
                  : email ? List.of(Channel.EMAIL) : sms ? List.of(Channel.SMS) : List.of();
        };
    if (channels.isEmpty()) {
      throw new DomainException(
          Reason.UNPROCESSABLE,
          "contact-missing",
          "The recipient has no "
              + (via == NotifyVia.EMAIL
                  ? "email address"
                  : via == NotifyVia.SMS ? "mobile phone number" : "email address or phone number")
              + " to send the PIN to; add one or choose another way");
    }
    return channels;
  }

  private static void requireActive(Holder holder) {
    if (!holder.active()) {
      throw DomainException.conflict(
          "holder-inactive", holder.displayName() + " is not active (moved out or disabled)");
    }
  }

  static Permission manage(HolderKind kind) {
    return switch (kind) {
      case RECIPIENT -> Permission.MANAGE_RECIPIENT_KEYS;
      case COURIER -> Permission.MANAGE_COURIER_KEYS;
      case STAFF -> Permission.MANAGE_STAFF_KEYS;
    };
  }
}
