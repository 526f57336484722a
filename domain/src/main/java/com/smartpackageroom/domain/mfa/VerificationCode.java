package com.smartpackageroom.domain.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A 6-digit code sent by email at "Verify your identity" (seed 004): kept as a keyed hash only,
 * valid for a while, good for one sign-in, and dead after a few wrong entries so that it cannot be
 * guessed.
 */
@Entity
@Table(name = "verification_code")
public class VerificationCode {

  public static final Duration VALIDITY = Duration.ofMinutes(10);
  public static final int MAX_WRONG_ENTRIES = 5;

  /** What an entry of a code came to. */
  public enum Entry {
    ACCEPTED,
    WRONG,
    /** Older than {@link #VALIDITY}. */
    EXPIRED,
    /** Used already, or killed by wrong entries. */
    SPENT
  }

  @Id
  @SequenceGenerator(
      name = "verification_code_seq",
      sequenceName = "verification_code_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verification_code_seq")
  private Long id;

  @Column(name = "account_id", nullable = false)
  private Long accountId;

  @Column(name = "code_hash", nullable = false)
  private String codeHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "wrong_entries", nullable = false)
  private int wrongEntries;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected VerificationCode() {}

  public VerificationCode(Long accountId, String codeHash, OffsetDateTime now) {
    this.accountId = accountId;
    this.codeHash = codeHash;
    this.createdAt = now;
    this.expiresAt = now.plus(VALIDITY);
  }

  /** Judges one entry; {@code matches} says whether the typed code's hash is this code's. */
  public Entry enter(boolean matches, OffsetDateTime now) {
    if (usedAt != null || wrongEntries >= MAX_WRONG_ENTRIES) {
      return Entry.SPENT;
    }
    if (!now.isBefore(expiresAt)) {
      return Entry.EXPIRED;
    }
    if (matches) {
      usedAt = now;
      return Entry.ACCEPTED;
    }
    wrongEntries++;
    return Entry.WRONG;
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public String getCodeHash() {
    return codeHash;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public int getWrongEntries() {
    return wrongEntries;
  }

  public OffsetDateTime getUsedAt() {
    return usedAt;
  }
}
