package com.smartpackageroom.domain.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** One property with one package room and its kiosks. */
@Entity
@Table(name = "site")
public class Site {

  @Id
  @SequenceGenerator(name = "site_seq", sequenceName = "site_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "site_seq")
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(nullable = false)
  private String country;

  @Column(name = "request_pin_enabled", nullable = false)
  private boolean requestPinEnabled;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  /** Seconds a single access PIN lasts when staff give no expiry; none: the server's default. */
  @Column(name = "single_access_pin_validity")
  private Long singleAccessPinValiditySeconds;

  @Version private long version;

  protected Site() {}

  public Site(
      String name, ZoneId timeZone, String country, boolean requestPinEnabled, OffsetDateTime now) {
    this.name = name;
    this.timeZone = timeZone.getId();
    this.country = country;
    this.requestPinEnabled = requestPinEnabled;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void rename(String name) {
    this.name = name;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  public void moveToTimeZone(ZoneId zone) {
    this.timeZone = zone.getId();
  }

  /** ISO 3166 country whose national phone formats residents use (default US). */
  public String getCountry() {
    return country;
  }

  public boolean isRequestPinEnabled() {
    return requestPinEnabled;
  }

  public void setRequestPinEnabled(boolean requestPinEnabled) {
    this.requestPinEnabled = requestPinEnabled;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  /** The phone country of a site that stores no phone number yet may still be corrected. */
  public void moveToCountry(String country) {
    this.country = country;
  }

  /** How long a single access PIN lasts when staff give no expiry, if the site says. */
  public Optional<Duration> getSingleAccessPinValidity() {
    return Optional.ofNullable(singleAccessPinValiditySeconds).map(Duration::ofSeconds);
  }

  /** {@code validity} null: the server's default applies. */
  public void setSingleAccessPinValidity(Duration validity) {
    this.singleAccessPinValiditySeconds = validity == null ? null : validity.toSeconds();
  }
}
