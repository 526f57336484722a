package com.smartpackageroom.domain.kiosk;

import com.smartpackageroom.domain.site.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A registered touch-screen device of a site. It authenticates with a bearer token (stored as a
 * hash) and carries its own sign-in throttle, so the count holds across restarts and instances.
 */
@Entity
@Table(name = "kiosk")
public class Kiosk {

  @Id
  @SequenceGenerator(name = "kiosk_seq", sequenceName = "kiosk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kiosk_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "site_id")
  private Site site;

  @Column(name = "site_id", insertable = false, updatable = false)
  private Long siteId;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "blocked_until")
  private OffsetDateTime blockedUntil;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  /** When the site's managers were last told that the kiosk spent its budget of failures. */
  @Column(name = "budget_alerted_at")
  private OffsetDateTime budgetAlertedAt;

  /** Until when the present block has been written to the audit log (once per block). */
  @Column(name = "throttle_noted_until")
  private OffsetDateTime throttleNotedUntil;

  /** Set when the kiosk is retired: its token no longer works; its history stays. */
  @Column(name = "retired_at")
  private OffsetDateTime retiredAt;

  protected Kiosk() {}

  public Kiosk(Site site, String name, String tokenHash, OffsetDateTime now) {
    this.site = site;
    this.siteId = site.getId();
    this.name = name;
    this.tokenHash = tokenHash;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Site getSite() {
    return site;
  }

  public Long getSiteId() {
    return siteId;
  }

  public String getName() {
    return name;
  }

  public int getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  /** How long the kiosk must still wait before it may try again, if it must. */
  public Optional<Duration> remainingBlock(OffsetDateTime now) {
    if (blockedUntil == null || !blockedUntil.isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, blockedUntil));
  }

  /**
   * Counts a failed attempt: one more in a row, and {@code failuresInWindow} (oldest first, this
   * one included) against the budget. Returns the new count of failures in a row.
   */
  public int recordFailure(
      ThrottlePolicy policy, List<OffsetDateTime> failuresInWindow, OffsetDateTime now) {
    consecutiveFailures++;
    blockedUntil = policy.blockedUntil(consecutiveFailures, failuresInWindow, now);
    return consecutiveFailures;
  }

  /**
   * Whether the site's managers are to be told that the budget is spent: the first time in a window
   * (or since the kiosk's failures were cleared); remembers that they were.
   */
  public boolean alertBudgetSpent(ThrottlePolicy policy, int failuresInWindow, OffsetDateTime now) {
    if (!policy.isBudgetSpent(failuresInWindow)
        || (budgetAlertedAt != null && budgetAlertedAt.isAfter(policy.windowStart(now)))) {
      return false;
    }
    budgetAlertedAt = now;
    return true;
  }

  /** Forgets the failures (an administrator or property manager cleared them). */
  public void clearFailures() {
    consecutiveFailures = 0;
    blockedUntil = null;
    budgetAlertedAt = null;
  }

  /** Gives the kiosk a new token; the old one stops at once. */
  public void replaceToken(String newTokenHash) {
    requireNotRetired();
    this.tokenHash = newTokenHash;
  }

  /** Retires the kiosk: its token (replaced by one nobody holds) stops; its history stays. */
  public void retire(String unusableTokenHash, OffsetDateTime now) {
    requireNotRetired();
    this.tokenHash = unusableTokenHash;
    this.retiredAt = now;
  }

  /** Whether the kiosk (not retired) holds the token of this hash now. */
  public boolean holdsToken(String tokenHash) {
    return retiredAt == null && this.tokenHash.equals(tokenHash);
  }

  public boolean isRetired() {
    return retiredAt != null;
  }

  public OffsetDateTime getBlockedUntil() {
    return blockedUntil;
  }

  private void requireNotRetired() {
    if (retiredAt != null) {
      throw new IllegalStateException("kiosk " + id + " is retired");
    }
  }

  public boolean hasFailures() {
    return hasFailures(consecutiveFailures, blockedUntil);
  }

  /** The rule of {@link #hasFailures()}, for a kiosk read without its entity. */
  public static boolean hasFailures(int consecutiveFailures, OffsetDateTime blockedUntil) {
    return consecutiveFailures > 0 || blockedUntil != null;
  }

  public void recordSuccess() {
    consecutiveFailures = 0;
    blockedUntil = null;
  }
}
