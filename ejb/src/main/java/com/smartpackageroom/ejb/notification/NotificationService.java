package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.ejb.accesskey.Holder;
import com.smartpackageroom.ejb.accesskey.Holders;
import com.smartpackageroom.ejb.audit.AuditLog;
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
import java.time.OffsetDateTime;

/**
 * What staff do with the outbox: send a FAILED message again once the contact is corrected. The new
 * message is written to the outbox in this transaction, like any other, and the dispatcher delivers
 * it with tries of its own.
 */
@Stateless
public class NotificationService {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Holders holders;

  @Inject AuditLog audit;

  @Inject Clock clock;

  /**
   * Sends a FAILED message again: to its holder's current email address or phone number (the holder
   * of the key it announces), or to the same address for a message about no key (an invitation, a
   * kiosk alert). Whoever may manage what the message is about may send it again: the keys of a
   * recipient (staff too), of a courier or staff member, an invitation or a kiosk alert (property
   * managers and administrators).
   *
   * @return the new message
   * @throws DomainException 409 notification-not-resendable for a message that did not fail, was
   *     sent again already, or announces a key that no longer works; 409 holder-inactive; 422
   *     contact-missing when the holder has no address for the message's channel now
   */
  public NotificationView resend(Caller caller, Long notificationId) {
    Notification failed =
        notificationId == null
            ? null
            : em.find(Notification.class, notificationId, LockModeType.PESSIMISTIC_WRITE);
    if (failed == null || failed.getSiteId() == null) {
      throw DomainException.notFound("There is no message " + notificationId);
    }
    Long siteId = failed.getSiteId();
    guard.check(caller, siteId, Permission.VIEW_NOTIFICATIONS);
    OffsetDateTime now = Times.now(clock);
    AccessKey key = failed.getKeyId() == null ? null : em.find(AccessKey.class, failed.getKeyId());
    guard.require(caller, resendPermission(failed.getKind(), key));
    if (!failed.isResendable()) {
      throw DomainException.conflict(
          "notification-not-resendable",
          failed.getResentAs() != null
              ? "Message " + notificationId + " was sent again already as " + failed.getResentAs()
              : "Message "
                  + notificationId
                  + " is "
                  + failed.getStatus()
                  + ": only a FAILED message can be sent again");
    }
    String address = key == null ? failed.getAddress() : currentAddress(failed, key, siteId, now);
    Notification again = failed.resendTo(address, now);
    em.persist(again);
    em.flush();
    failed.resent(again.getId());
    String detail = "message " + failed.getId() + " sent again as " + again.getId();
    if (key != null) {
      audit.recordKey(AuditEventType.NOTIFICATION_RESENT, caller.actor(), key, null, detail);
    } else {
      audit.record(siteId, AuditEventType.NOTIFICATION_RESENT, caller.actor(), null, detail);
    }
    return NotificationView.of(again);
  }

  private String currentAddress(
      Notification failed, AccessKey key, Long siteId, OffsetDateTime now) {
    if (!key.isUsable(now)) {
      throw DomainException.conflict(
          "notification-not-resendable",
          "The key message "
              + failed.getId()
              + " announces no longer works (deactivated, deleted, used or expired):"
              + " issue a new one instead");
    }
    Holder holder =
        holders
            .find(key.getHolderKind(), key.getHolderId(), siteId)
            .orElseThrow(
                () ->
                    DomainException.conflict(
                        "notification-not-resendable",
                        "The holder of the key message " + failed.getId() + " is gone"));
    if (!holder.active()) {
      throw DomainException.conflict(
          "holder-inactive", holder.displayName() + " is not active (moved out or disabled)");
    }
    String address = failed.getChannel() == Channel.EMAIL ? holder.email() : holder.phone();
    if (address == null) {
      throw new DomainException(
          Reason.UNPROCESSABLE,
          "contact-missing",
          holder.displayName()
              + " has no "
              + (failed.getChannel() == Channel.EMAIL ? "email address" : "mobile phone number")
              + " now: add one, then send the message again");
    }
    return address;
  }

  /** Sending a message again is managing what it is about. */
  private static Permission resendPermission(NotificationKind kind, AccessKey key) {
    if (key != null) {
      return manageKeysOf(key.getHolderKind());
    }
    return switch (kind) {
      case KIOSK_ALERT -> Permission.MANAGE_KIOSKS;
      case INVITATION -> Permission.MANAGE_STAFF;
      default -> Permission.MANAGE_RECIPIENT_KEYS;
    };
  }

  private static Permission manageKeysOf(HolderKind kind) {
    return switch (kind) {
      case RECIPIENT -> Permission.MANAGE_RECIPIENT_KEYS;
      case COURIER -> Permission.MANAGE_COURIER_KEYS;
      case STAFF -> Permission.MANAGE_STAFF_KEYS;
    };
  }
}
