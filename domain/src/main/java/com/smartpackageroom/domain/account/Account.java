package com.smartpackageroom.domain.account;

import com.smartpackageroom.domain.shared.PersonName;
import com.smartpackageroom.domain.site.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A person of the portal: administrator, property manager or staff (who may hold keys too). */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  private Long id;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AccountStatus status;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @ManyToMany
  @JoinTable(
      name = "account_site",
      joinColumns = @JoinColumn(name = "account_id"),
      inverseJoinColumns = @JoinColumn(name = "site_id"))
  private Set<Site> sites = new HashSet<>();

  protected Account() {}

  public Account(String email, String firstName, String lastName, Role role, OffsetDateTime now) {
    this.email = email;
    this.firstName = firstName;
    this.lastName = lastName;
    this.role = role;
    this.status = AccountStatus.INVITED;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getDisplayName() {
    return PersonName.display(firstName, lastName);
  }

  public Role getRole() {
    return role;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public Set<Site> getSites() {
    return sites;
  }

  public Set<Long> getSiteIds() {
    return sites.stream().map(Site::getId).collect(Collectors.toUnmodifiableSet());
  }

  public void addSite(Site site) {
    sites.add(site);
  }

  public boolean isEnabled() {
    return status != AccountStatus.DISABLED;
  }
}
