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
 * exists exactly when that does. Bodies may hold a PIN and are sealed.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SecretBox box;

  @Inject Clock clock;

  public Notification enqueue(
      Long siteId, NotificationKind kind, Channel channel, String address, Message message, Long keyId) {
    Notification n =
        new Notification(
            siteId,
            kind,
            channel,
            address,
            message.subject(),
            box.seal(message.text()),
            keyId,
            Times.now(clock));
    em.persist(n);
    return n;
  }
}
