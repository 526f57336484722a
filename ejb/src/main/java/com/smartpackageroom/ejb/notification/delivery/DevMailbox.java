package com.smartpackageroom.ejb.notification.delivery;

import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The developer mailbox (spr.mail.dev-mailbox=true, off by default): the outbox with each message
 * as it would arrive, PINs included, for trying the product without a mail server. Never on in
 * production: it shows secrets to whoever opens the page.
 */
@Stateless
public class DevMailbox {

  private static final Logger LOG = Logger.getLogger(DevMailbox.class.getName());

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject Letters letters;

  @Inject
  @ConfigProperty(name = "spr.mail.dev-mailbox", defaultValue = "false")
  boolean enabled;

  /** A message as its recipient would see it, with its delivery status. */
  public record Letter(
      Outgoing message, Long siteId, String kind, String status, int attempts, Instant createdAt) {}

  @PostConstruct
  void warn() {
    if (enabled) {
      LOG.warning(
          "The developer mailbox is on (spr.mail.dev-mailbox): /dev/mailbox shows every PIN sent");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /** The newest messages, for a list: without their QR code images. */
  public List<Letter> latest(int max) {
    requireEnabled();
    return em
        .createQuery("SELECT n FROM Notification n ORDER BY n.id DESC", Notification.class)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(n -> letter(n, letters.openWithoutImage(n)))
        .toList();
  }

  public Optional<Letter> find(long id) {
    requireEnabled();
    return Optional.ofNullable(em.find(Notification.class, id))
        .map(n -> letter(n, letters.open(n)));
  }

  private static Letter letter(Notification n, Outgoing message) {
    return new Letter(
        message,
        n.getSiteId(),
        n.getKind().name(),
        n.getStatus().name(),
        n.getAttempts(),
        Times.instant(n.getCreatedAt()));
  }

  private void requireEnabled() {
    if (!enabled) {
      throw new IllegalStateException("the developer mailbox is off");
    }
  }
}
