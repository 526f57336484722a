package com.smartpackageroom.domain.audit;

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
 * One line of the append-only audit log. It names people by id only, so erasing a person leaves
 * the log whole and free of personal data; it never holds a secret.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @SequenceGenerator(
      name = "audit_event_seq",
      sequenceName = "audit_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  private Long id;

  @Column(name = "site_id")
  private Long siteId;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuditEventType type;

  /** "account:12", "kiosk:3", "bootstrap", "system". */
  private String actor;

  @Column(name = "key_id")
  private Long keyId;

  @Column(name = "key_type")
  private String keyType;

  @Column(name = "holder_kind")
  private String holderKind;

  @Column(name = "holder_id")
  private Long holderId;

  @Column(name = "kiosk_id")
  private Long kioskId;

  private String detail;

  protected AuditEvent() {}

  public AuditEvent(Long siteId, OffsetDateTime occurredAt, AuditEventType type, String actor) {
    this.siteId = siteId;
    this.occurredAt = occurredAt;
    this.type = type;
    this.actor = actor;
  }

  public AuditEvent key(Long keyId, String keyType, String holderKind, Long holderId) {
    this.keyId = keyId;
    this.keyType = keyType;
    this.holderKind = holderKind;
    this.holderId = holderId;
    return this;
  }

  public AuditEvent kiosk(Long kioskId) {
    this.kioskId = kioskId;
    return this;
  }

  public AuditEvent detail(String detail) {
    this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    return this;
  }

  public Long getId() {
    return id;
  }

  public Long getSiteId() {
    return siteId;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }

  public AuditEventType getType() {
    return type;
  }

  public String getActor() {
    return actor;
  }

  public Long getKeyId() {
    return keyId;
  }

  public String getKeyType() {
    return keyType;
  }

  public String getHolderKind() {
    return holderKind;
  }

  public Long getHolderId() {
    return holderId;
  }

  public Long getKioskId() {
    return kioskId;
  }

  public String getDetail() {
    return detail;
  }
}
