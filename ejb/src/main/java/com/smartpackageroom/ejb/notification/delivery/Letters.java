package com.smartpackageroom.ejb.notification.delivery;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.domain.recipient.Recipient;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.accesskey.Holder;
import com.smartpackageroom.ejb.accesskey.Holders;
import com.smartpackageroom.ejb.accesskey.QrCodes;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.Message;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Opens an outbox message as it goes out: bodies unsealed, the QR code rendered. */
@ApplicationScoped
public class Letters {

  /** The QR code's size in emails, in pixels. */
  private static final int QR_SIZE = 240;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SecretBox box;

  @Inject QrCodes qrCodes;

  @Inject AccessKeyMessages messages;

  @Inject Holders holders;

  @Inject Clock clock;

  /**
   * Loads the keys of a batch of messages about to be opened, and the recipients who hold them,
   * with two queries into the transaction's persistence context: opening each then finds them
   * there, instead of one look-up of each per message.
   */
  public void prefetch(List<Notification> batch) {
    List<Long> keyIds =
        batch.stream()
            .flatMap(n -> Stream.of(n.getKeyId(), n.getQrKeyId()))
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    if (keyIds.isEmpty()) {
      return;
    }
    List<Long> holders =
        em
            .createQuery("SELECT k FROM AccessKey k WHERE k.id IN :ids", AccessKey.class)
            .setParameter("ids", keyIds)
            .getResultList()
            .stream()
            .filter(k -> k.getHolderKind() == HolderKind.RECIPIENT)
            .map(AccessKey::getHolderId)
            .distinct()
            .toList();
    if (!holders.isEmpty()) {
      em.createQuery("SELECT r FROM Recipient r WHERE r.id IN :ids", Recipient.class)
          .setParameter("ids", holders)
          .getResultList();
    }
  }

  public Outgoing open(Notification n) {
    return open(n, true);
  }

  /** The message without its QR code image, which costs a key look-up and a PNG rendering. */
  public Outgoing openWithoutImage(Notification n) {
    return open(n, false);
  }

  private Outgoing open(Notification n, boolean withImage) {
    if (AccessKeyMessages.WELCOME_TEMPLATE.equals(n.getTemplate())) {
      return welcome(n, withImage);
    }
    return new Outgoing(
        n.getId(),
        n.getChannel(),
        n.getAddress(),
        n.getSubject(),
        box.open(n.getBodyEncrypted()),
        n.getHtmlEncrypted() == null ? null : box.open(n.getHtmlEncrypted()),
        withImage ? qrCode(n) : null,
        null);
  }

  /**
   * A welcome message queued by the import, rendered now as {@link AccessKeyMessages#welcome} words
   * it: the PIN from its key, the names of the holder and the site. It goes out only while what it
   * says is still true: the PIN opens the room, the resident lives there and the address is still
   * theirs; otherwise it is not sent, saying why (staff may send it again to the current address).
   */
  private Outgoing welcome(Notification n, boolean withImage) {
    AccessKey pinKey = n.getKeyId() == null ? null : em.find(AccessKey.class, n.getKeyId());
    Site site = n.getSiteId() == null ? null : em.find(Site.class, n.getSiteId());
    Holder holder =
        pinKey == null
            ? null
            : holders
                .find(pinKey.getHolderKind(), pinKey.getHolderId(), n.getSiteId())
                .orElse(null);
    boolean email = n.getChannel() == Channel.EMAIL;
    String why = null;
    if (pinKey == null || pinKey.getSecretEncrypted() == null) {
      why = "the key this message announces was deleted before it could be sent";
    } else if (site == null || holder == null) {
      why = "the person this message is for was erased before it could be sent";
    } else if (!pinKey.isUsable(Times.now(clock))) {
      why = "the PIN this message announces no longer opens the room (deactivated or expired)";
    } else if (!holder.active()) {
      why = "the resident moved out before the message could be sent";
    } else if (!n.getAddress().equals(email ? holder.email() : holder.phone())) {
      why = "the resident's " + (email ? "email" : "phone") + " changed before it could be sent";
    }
    if (why != null) {
      return Outgoing.unsendable(n.getId(), n.getChannel(), n.getAddress(), n.getSubject(), why);
    }
    Message message =
        messages.welcome(site, holder, box.open(pinKey.getSecretEncrypted()), n.getChannel(), true);
    return new Outgoing(
        n.getId(),
        n.getChannel(),
        n.getAddress(),
        n.getSubject(),
        message.text(),
        email ? message.html() : null,
        email && withImage ? qrCode(n) : null,
        null);
  }

  /** The QR code an email shows, while its key still opens the room; otherwise none. */
  private byte[] qrCode(Notification n) {
    if (n.getQrKeyId() == null
        || (n.getHtmlEncrypted() == null
            && !AccessKeyMessages.WELCOME_TEMPLATE.equals(n.getTemplate()))) {
      return null;
    }
    AccessKey key = em.find(AccessKey.class, n.getQrKeyId());
    if (key == null || !key.isUsable(Times.now(clock)) || key.getSecretEncrypted() == null) {
      return null;
    }
    return qrCodes.png(box.open(key.getSecretEncrypted()), QR_SIZE);
  }
}
