package com.smartpackageroom.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An emailed link of an account: an invitation to set a password, a password reset, an email
 * confirmation. The link's token is kept as a hash only; each link works once, for a while.
 */
@Entity
@Table(name = "account_invitation")
public class AccountInvitation {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  private Account account;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LinkPurpose purpose;

  protected AccountInvitation() {}

  public AccountInvitation(String tokenHash, Account account, OffsetDateTime expiresAt) {
    this(tokenHash, account, expiresAt, LinkPurpose.INVITATION);
  }

  public AccountInvitation(
      String tokenHash, Account account, OffsetDateTime expiresAt, LinkPurpose purpose) {
    this.tokenHash = tokenHash;
    this.account = account;
    this.expiresAt = expiresAt;
    this.purpose = purpose;
  }

  public LinkPurpose getPurpose() {
    return purpose;
  }

  /** Not used yet and not expired. */
  public boolean isUsable(OffsetDateTime now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  public void use(OffsetDateTime now) {
    this.usedAt = now;
  }

  public Account getAccount() {
    return account;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public OffsetDateTime getUsedAt() {
    return usedAt;
  }
}
