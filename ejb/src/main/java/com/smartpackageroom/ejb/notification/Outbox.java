package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The transactional outbox: a message is written in the transaction of what it announces, so it
 * exists exactly when that does; the {@link Dispatcher} delivers it afterwards. Bodies may hold a
 * PIN and are sealed.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SecretBox box;

  @Inject Clock clock;

  public Notification enqueue(
      Long siteId,
      NotificationKind kind,
      Channel channel,
      String address,
      Message message,
      Long keyId) {
    return enqueue(siteId, kind, channel, address, message, keyId, null);
  }

  /** A message whose HTML body shows the QR code of the key {@code qrKeyId}. */
  public Notification enqueue(
      Long siteId,
      NotificationKind kind,
      Channel channel,
      String address,
      Message message,
      Long keyId,
      Long qrKeyId) {
    boolean email = channel == Channel.EMAIL;
    Notification n =
        new Notification(
            siteId,
            kind,
            channel,
            address,
            email ? message.subject() : null,
            box.seal(message.text()),
            email && message.html() != null ? box.seal(message.html()) : null,
            keyId,
            email ? qrKeyId : null,
            Times.now(clock));
    em.persist(n);
    return n;
  }
}
