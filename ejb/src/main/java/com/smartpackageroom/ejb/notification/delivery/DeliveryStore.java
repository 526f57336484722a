package com.smartpackageroom.ejb.notification.delivery;

import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.domain.notification.NotificationStatus;
import com.smartpackageroom.domain.notification.RetryPolicy;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/**
 * The dispatcher's side of the outbox, each call in a transaction of its own: messages are claimed
 * (so that one server instance sends each), and each try's outcome is written as soon as it is
 * known.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryStore {

  private static final Logger LOG = Logger.getLogger(DeliveryStore.class.getName());

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject Letters letters;

  @Inject Clock clock;

  /**
   * Claims up to {@code limit} due messages of the channels for {@code lease} under {@code token},
   * those someone waits for before bulk ones (an import's welcomes), each kind the longest due
   * first: another instance's claim of the same rows finds them taken. Claims left by an instance
   * that stopped run out after their lease.
   */
  public List<Outgoing> claim(
      Collection<Channel> channels, int limit, Duration lease, String token) {
    OffsetDateTime now = Times.now(clock);
    List<Long> due =
        em.createQuery(
                "SELECT n.id FROM Notification n WHERE n.status = :pending AND n.channel IN :channels"
                    + " AND n.nextAttemptAt <= :now"
                    + " AND (n.claimedUntil IS NULL OR n.claimedUntil < :now)"
                    + " ORDER BY n.bulk, n.nextAttemptAt, n.id",
                Long.class)
            .setParameter("pending", NotificationStatus.PENDING)
            .setParameter("channels", channels)
            .setParameter("now", now)
            .setMaxResults(limit)
            .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    em.createQuery(
            "UPDATE Notification n SET n.claimToken = :token, n.claimedUntil = :until"
                + " WHERE n.id IN :ids AND n.status = :pending"
                + " AND (n.claimedUntil IS NULL OR n.claimedUntil < :now)")
        .setParameter("token", token)
        .setParameter("until", now.plus(lease))
        .setParameter("ids", due)
        .setParameter("pending", NotificationStatus.PENDING)
        .setParameter("now", now)
        .executeUpdate();
    List<Notification> claimed =
        em.createQuery(
                "SELECT n FROM Notification n WHERE n.claimToken = :token"
                    + " ORDER BY n.bulk, n.nextAttemptAt, n.id",
                Notification.class)
            .setParameter("token", token)
            .getResultList();
    letters.prefetch(claimed);
    return claimed.stream().map(letters::open).toList();
  }

  /** Writes a try's outcome, unless the claim was lost meanwhile (then the other holder does). */
  public void record(long id, String token, Outcome outcome, RetryPolicy policy) {
    OffsetDateTime now = Times.now(clock);
    if (outcome instanceof Outcome.Sent) {
      // the common case in one statement (Notification.delivered), without reading the bodies
      int updated =
          em.createQuery(
                  "UPDATE Notification n SET n.status = :sent, n.sentAt = :now, n.lastAttemptAt = :now,"
                      + " n.attempts = n.attempts + 1, n.lastError = NULL, n.claimToken = NULL,"
                      + " n.claimedUntil = NULL WHERE n.id = :id AND n.claimToken = :token"
                      + " AND n.status = :pending")
              .setParameter("sent", NotificationStatus.SENT)
              .setParameter("now", now)
              .setParameter("id", id)
              .setParameter("token", token)
              .setParameter("pending", NotificationStatus.PENDING)
              .executeUpdate();
      if (updated == 0) {
        LOG.warning(() -> "The claim on message " + id + " ran out while it was being sent");
      }
      return;
    }
    Notification n = em.find(Notification.class, id);
    if (n == null || !token.equals(n.getClaimToken())) {
      LOG.warning(() -> "The claim on message " + id + " ran out while it was being sent");
      return;
    }
    if (outcome instanceof Outcome.Failed failed) {
      n.attemptFailed(now, failed.error(), failed.permanent(), policy);
    } else if (outcome instanceof Outcome.Unreachable down) {
      n.attemptFailed(now, down.error(), false, policy);
    }
  }

  /** Gives claimed messages back untried. */
  public void release(Collection<Long> ids, String token) {
    if (ids.isEmpty()) {
      return;
    }
    em.createQuery(
            "UPDATE Notification n SET n.claimToken = NULL, n.claimedUntil = NULL"
                + " WHERE n.id IN :ids AND n.claimToken = :token")
        .setParameter("ids", ids)
        .setParameter("token", token)
        .executeUpdate();
  }

  /**
   * The provider answers again: the channel's messages that wait for a retry are due now, so that
   * they go out within the next runs rather than after their backoff.
   */
  public int bringForward(Channel channel) {
    OffsetDateTime now = Times.now(clock);
    return em.createQuery(
            "UPDATE Notification n SET n.nextAttemptAt = :now WHERE n.status = :pending"
                + " AND n.channel = :channel AND n.attempts > 0 AND n.nextAttemptAt > :now")
        .setParameter("now", now)
        .setParameter("pending", NotificationStatus.PENDING)
        .setParameter("channel", channel)
        .executeUpdate();
  }
}
