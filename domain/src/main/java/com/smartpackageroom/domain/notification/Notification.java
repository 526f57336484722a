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

  @Column(name = "body_enc", nullable = false)
  private String bodyEncrypted;

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

  protected Notification() {}

  public Notification(
      Long siteId,
      NotificationKind kind,
      Channel channel,
      String address,
      String subject,
      String bodyEncrypted,
      Long keyId,
      OffsetDateTime now) {
    this.siteId = siteId;
    this.kind = kind;
    this.channel = channel;
    this.address = address;
    this.subject = subject;
    this.bodyEncrypted = bodyEncrypted;
    this.keyId = keyId;
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
}
