package com.smartpackageroom.ejb.notification.delivery;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.ejb.accesskey.QrCodes;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Opens an outbox message as it goes out: bodies unsealed, the QR code rendered. */
@ApplicationScoped
public class Letters {

  /** The QR code's size in emails, in pixels. */
  private static final int QR_SIZE = 240;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SecretBox box;

  @Inject QrCodes qrCodes;

  @Inject Clock clock;

  public Outgoing open(Notification n) {
    return open(n, true);
  }

  /** The message without its QR code image, which costs a key look-up and a PNG rendering. */
  public Outgoing openWithoutImage(Notification n) {
    return open(n, false);
  }

  private Outgoing open(Notification n, boolean withImage) {
    return new Outgoing(
        n.getId(),
        n.getChannel(),
        n.getAddress(),
        n.getSubject(),
        box.open(n.getBodyEncrypted()),
        n.getHtmlEncrypted() == null ? null : box.open(n.getHtmlEncrypted()),
        withImage ? qrCode(n) : null);
  }

  /** The QR code an email shows, while its key still opens the room; otherwise none. */
  private byte[] qrCode(Notification n) {
    if (n.getQrKeyId() == null || n.getHtmlEncrypted() == null) {
      return null;
    }
    AccessKey key = em.find(AccessKey.class, n.getQrKeyId());
    if (key == null || !key.isUsable(Times.now(clock)) || key.getSecretEncrypted() == null) {
      return null;
    }
    return qrCodes.png(box.open(key.getSecretEncrypted()), QR_SIZE);
  }
}
