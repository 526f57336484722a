package com.smartpackageroom.domain.kiosk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A "Request PIN" at a kiosk, counted per contact (kept as a keyed hash) to limit abuse. */
@Entity
@Table(name = "pin_request")
public class PinRequest {

  @Id
  @SequenceGenerator(
      name = "pin_request_seq",
      sequenceName = "pin_request_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pin_request_seq")
  private Long id;

  @Column(name = "site_id", nullable = false)
  private Long siteId;

  @Column(name = "contact_hash", nullable = false)
  private String contactHash;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  protected PinRequest() {}

  public PinRequest(Long siteId, String contactHash, OffsetDateTime requestedAt) {
    this.siteId = siteId;
    this.contactHash = contactHash;
    this.requestedAt = requestedAt;
  }

  public OffsetDateTime getRequestedAt() {
    return requestedAt;
  }
}
