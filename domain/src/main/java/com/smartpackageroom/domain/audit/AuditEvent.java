package com.smartpackageroom.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One line of the append-only audit log. It names people by id only, so erasing a person leaves the
 * log whole and free of personal data; it never holds a secret. Events are appended by the EJB
 * module's AuditLog with a plain insert and read here; they are never changed.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id private Long id;

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
