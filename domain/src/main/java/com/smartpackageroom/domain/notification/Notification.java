package com.smartpackageroom.domain.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A message in the transactional outbox: written in the transaction of what it announces and
 * delivered afterwards. Its body may carry a PIN, so it is kept encrypted.
 */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @SequenceGenerator(
      name = "notification_seq",
      sequenceName = "notification_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  private Long id;

  @Column(name = "site_id")
  private Long siteId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NotificationKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Column(nullable = false)
  private String address;

  private String subject;

  /** The sealed text; none for a message rendered when it is sent ({@link #template}). */
  @Column(name = "body_enc")
  private String bodyEncrypted;

  /**
   * The template of a message rendered when it is sent from what it is about (the key it announces,
   * its holder, the site), instead of a stored body: the import's welcome messages.
   */
  @Column(name = "template")
  private String template;

  @Column(name = "key_id")
  private Long keyId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NotificationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "sent_at")
  private OffsetDateTime sentAt;

  @Column(name = "last_error")
  private String lastError;

  /** The HTML part of an email, sealed like the text; none for SMS and the short messages. */
  @Column(name = "html_enc")
  private String htmlEncrypted;

  /** The QR key whose code an email shows as an inline image, if any. */
  @Column(name = "qr_key_id")
  private Long qrKeyId;

  /** Which dispatcher run of which server instance holds the message, and until when. */
  @Column(name = "claim_token")
  private String claimToken;

  @Column(name = "claimed_until")
  private OffsetDateTime claimedUntil;

  @Column(name = "last_attempt_at")
  private OffsetDateTime lastAttemptAt;

  /** The message that sent this failed one again, once staff did. */
  @Column(name = "resent_as")
  private Long resentAs;

  /**
   * One of many sent at once that nobody waits for (an import's welcome messages, written in bulk):
   * due messages that are not bulk go out first.
   */
  @Column(nullable = false)
  private boolean bulk;

  private static final int MAX_ERROR = 500;

  protected Notification() {}

  public Notification(
      Long siteId,
      NotificationKind kind,
      Channel channel,
      String address,
      String subject,
      String bodyEncrypted,
      String htmlEncrypted,
      Long keyId,
      Long qrKeyId,
      OffsetDateTime now) {
    this.siteId = siteId;
    this.kind = kind;
    this.channel = channel;
    this.address = address;
    this.subject = subject;
    this.bodyEncrypted = bodyEncrypted;
    this.htmlEncrypted = htmlEncrypted;
    this.keyId = keyId;
    this.qrKeyId = qrKeyId;
    this.status = NotificationStatus.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getSiteId() {
    return siteId;
  }

  public NotificationKind getKind() {
    return kind;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getAddress() {
    return address;
  }

  public String getSubject() {
    return subject;
  }

  public String getBodyEncrypted() {
    return bodyEncrypted;
  }

  public String getTemplate() {
    return template;
  }

  public Long getKeyId() {
    return keyId;
  }

  public NotificationStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getNextAttemptAt() {
    return nextAttemptAt;
  }

  public OffsetDateTime getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }

  public String getHtmlEncrypted() {
    return htmlEncrypted;
  }

  public Long getQrKeyId() {
    return qrKeyId;
  }

  public String getClaimToken() {
    return claimToken;
  }

  public OffsetDateTime getClaimedUntil() {
    return claimedUntil;
  }

  public OffsetDateTime getLastAttemptAt() {
    return lastAttemptAt;
  }

  public Long getResentAs() {
    return resentAs;
  }

  public boolean isBulk() {
    return bulk;
  }

  /** Whether staff may send this message again: it failed, and was not sent again yet. */
  public boolean isResendable() {
    return status == NotificationStatus.FAILED && resentAs == null;
  }

  /**
   * The same message to {@code address} (the holder's current one), as a new message of the outbox
   * that the dispatcher delivers with its own tries; this one remembers it.
   */
  public Notification resendTo(String address, OffsetDateTime now) {
    if (!isResendable()) {
      throw new IllegalStateException("message " + id + " is " + status + ", not resendable");
    }
    Notification again =
        new Notification(
            siteId,
            kind,
            channel,
            address,
            subject,
            bodyEncrypted,
            htmlEncrypted,
            keyId,
            qrKeyId,
            now);
    again.template = template;
    return again;
  }

  /** Staff sent this failed message again as the message {@code id}. */
  public void resent(Long id) {
    this.resentAs = id;
  }

  /** The provider took the message. */
  public void delivered(OffsetDateTime now) {
    requirePending();
    attempts++;
    lastAttemptAt = now;
    status = NotificationStatus.SENT;
    sentAt = now;
    lastError = null;
    release();
  }

  /**
   * A try failed: the message waits for its next try, or fails for good when the failure is
   * permanent (an address the provider refuses) or its retry window is over.
   */
  public void attemptFailed(
      OffsetDateTime now, String error, boolean permanent, RetryPolicy policy) {
    requirePending();
    attempts++;
    lastAttemptAt = now;
    lastError =
        error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    var next =
        permanent ? Optional.<OffsetDateTime>empty() : policy.nextAttempt(createdAt, attempts, now);
    if (next.isPresent()) {
      nextAttemptAt = next.get();
    } else {
      status = NotificationStatus.FAILED;
    }
    release();
  }

  /** Gives the message back untried, e.g. when its provider did not answer for another one. */
  public void release() {
    claimToken = null;
    claimedUntil = null;
  }

  private void requirePending() {
    if (status != NotificationStatus.PENDING) {
      throw new IllegalStateException("message " + id + " is " + status + " already");
    }
  }
}
