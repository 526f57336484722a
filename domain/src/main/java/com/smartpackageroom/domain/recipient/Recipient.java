package com.smartpackageroom.domain.recipient;

import com.smartpackageroom.domain.shared.PersonName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A resident who receives parcels at a site. */
@Entity
@Table(name = "recipient")
public class Recipient {

  @Id
  @SequenceGenerator(name = "recipient_seq", sequenceName = "recipient_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recipient_seq")
  private Long id;

  @Column(name = "site_id", nullable = false)
  private Long siteId;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  /** What lists sort by (PersonName.sortKey), kept with the name. */
  @Column(name = "sort_name", nullable = false)
  private String sortName;

  @Column(nullable = false)
  private String unit;

  private String email;

  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RecipientStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RecipientSource source;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Recipient() {}

  public Recipient(Long siteId, RecipientSource source, OffsetDateTime now) {
    this.siteId = siteId;
    this.source = source;
    this.status = RecipientStatus.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getSiteId() {
    return siteId;
  }

  public String getExternalId() {
    return externalId;
  }

  public void setExternalId(String externalId) {
    this.externalId = externalId;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
    this.sortName = PersonName.sortKey(firstName, lastName);
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
    this.sortName = PersonName.sortKey(firstName, lastName);
  }

  public String getDisplayName() {
    return PersonName.display(firstName, lastName);
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public RecipientStatus getStatus() {
    return status;
  }

  public boolean isActive() {
    return status == RecipientStatus.ACTIVE;
  }

  public void moveOut() {
    this.status = RecipientStatus.MOVED_OUT;
  }

  public void moveIn() {
    this.status = RecipientStatus.ACTIVE;
  }

  public RecipientSource getSource() {
    return source;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public void touch(OffsetDateTime now) {
    this.updatedAt = now;
  }
}
