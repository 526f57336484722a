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

  /** Wrong passwords and codes since the last sign-in; at the limit the account locks. */
  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_at")
  private OffsetDateTime lockedAt;

  @Column(name = "email_confirmed_at")
  private OffsetDateTime emailConfirmedAt;

  /** The authenticator app's secret, sealed with the application's encryption key. */
  @Column(name = "totp_secret_enc")
  private String totpSecretEncrypted;

  @Column(name = "totp_confirmed", nullable = false)
  private boolean totpConfirmed;

  /** The time step of the last authenticator code accepted: each code works once. */
  @Column(name = "totp_last_step")
  private Long totpLastStep;

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

  /** Disabled: cannot sign in, use an emailed link or an API token, until enabled again. */
  public void disable() {
    status = AccountStatus.DISABLED;
  }

  /** Enabled again: active if a password was set, otherwise still invited. */
  public void enable() {
    if (status == AccountStatus.DISABLED) {
      status = passwordHash == null ? AccountStatus.INVITED : AccountStatus.ACTIVE;
    }
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  /** A new password (already checked and hashed); setting one confirms the email it came by. */
  public void setPassword(String hash, OffsetDateTime now, boolean confirmsEmail) {
    this.passwordHash = hash;
    if (status == AccountStatus.INVITED) {
      status = AccountStatus.ACTIVE;
    }
    if (confirmsEmail) {
      confirmEmail(now);
    }
  }

  public void confirmEmail(OffsetDateTime now) {
    this.emailConfirmedAt = now;
  }

  public OffsetDateTime getEmailConfirmedAt() {
    return emailConfirmedAt;
  }

  /** May try to sign in: has a password, is not disabled or locked. */
  public boolean maySignIn() {
    return passwordHash != null && status == AccountStatus.ACTIVE && lockedAt == null;
  }

  public boolean isLocked() {
    return lockedAt != null;
  }

  public OffsetDateTime getLockedAt() {
    return lockedAt;
  }

  public int getFailedSignIns() {
    return failedSignIns;
  }

  /**
   * Counts a wrong password or code.
   *
   * @return true when this failure locked the account
   */
  public boolean recordFailedSignIn(int limit, OffsetDateTime now) {
    failedSignIns++;
    if (lockedAt == null && failedSignIns >= limit) {
      lockedAt = now;
      return true;
    }
    return false;
  }

  public void signedIn() {
    failedSignIns = 0;
  }

  public void unlock() {
    lockedAt = null;
    failedSignIns = 0;
  }

  public String getTotpSecretEncrypted() {
    return totpSecretEncrypted;
  }

  public boolean hasAuthenticatorApp() {
    return totpConfirmed && totpSecretEncrypted != null;
  }

  /** A new secret, not used for sign-in until a first code from the app confirms it. */
  public void startAuthenticatorSetUp(String sealedSecret) {
    this.totpSecretEncrypted = sealedSecret;
    this.totpConfirmed = false;
    this.totpLastStep = null;
  }

  public void confirmAuthenticator(long step) {
    this.totpConfirmed = true;
    this.totpLastStep = step;
  }

  public Long getTotpLastStep() {
    return totpLastStep;
  }

  public void authenticatorCodeUsed(long step) {
    this.totpLastStep = step;
  }

  public void removeAuthenticator() {
    this.totpSecretEncrypted = null;
    this.totpConfirmed = false;
    this.totpLastStep = null;
  }
}
