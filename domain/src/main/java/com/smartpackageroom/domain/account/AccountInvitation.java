package com.smartpackageroom.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An invitation to set a password; the link's token is kept as a hash only. */
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

  protected AccountInvitation() {}

  public AccountInvitation(String tokenHash, Account account, OffsetDateTime expiresAt) {
    this.tokenHash = tokenHash;
    this.account = account;
    this.expiresAt = expiresAt;
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
