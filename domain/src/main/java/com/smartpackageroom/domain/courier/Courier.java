package com.smartpackageroom.domain.courier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A courier account, usually one generic account per carrier (USPS, UPS, FedEx...). */
@Entity
@Table(name = "courier")
public class Courier {

  @Id
  @SequenceGenerator(name = "courier_seq", sequenceName = "courier_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "courier_seq")
  private Long id;

  @Column(name = "site_id", nullable = false)
  private Long siteId;

  @Column(nullable = false)
  private String name;

  private String carrier;

  private String email;

  private String phone;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Courier() {}

  public Courier(
      Long siteId, String name, String carrier, String email, String phone, OffsetDateTime now) {
    this.siteId = siteId;
    this.name = name;
    this.carrier = carrier;
    this.email = email;
    this.phone = phone;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getSiteId() {
    return siteId;
  }

  public String getName() {
    return name;
  }

  public String getCarrier() {
    return carrier;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
