package com.smartpackageroom.domain.kiosk;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * How a kiosk is slowed down when wrong credentials are tried at it. Two limits, both per kiosk:
 *
 * <ul>
 *   <li>failures in a row: nothing for the first {@code freeFailures - 1}, then {@code
 *       initialDelay} from the {@code freeFailures}-th, doubling with each further failure up to
 *       {@code maxDelay}; a success starts the count again, so a busy front desk stays usable;
 *   <li>a budget: once {@code dailyFailures} failures lie within the last {@code window}, the kiosk
 *       answers nothing until the oldest of them leaves the window, whatever successes came
 *       between, so that a guesser with a valid key of their own gains nothing by using it.
 * </ul>
 *
 * The site's managers are alerted at the {@code alertAfterFailures}-th failure in a row and when
 * the budget is spent.
 */
public record ThrottlePolicy(
    int freeFailures,
    Duration initialDelay,
    Duration maxDelay,
    int alertAfterFailures,
    int dailyFailures,
    Duration window) {

  public static final ThrottlePolicy DEFAULT =
      new ThrottlePolicy(
          5, Duration.ofSeconds(30), Duration.ofMinutes(30), 10, 50, Duration.ofHours(24));

  public ThrottlePolicy {
    if (freeFailures < 1) {
      throw new IllegalArgumentException("freeFailures must be at least 1");
    }
    if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive");
    }
    if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must be at least initialDelay");
    }
    if (alertAfterFailures < 1) {
      throw new IllegalArgumentException("alertAfterFailures must be at least 1");
    }
    if (dailyFailures < 1) {
      throw new IllegalArgumentException("dailyFailures must be at least 1");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
  }

  /** The wait imposed after the {@code consecutiveFailures}-th failure in a row. */
  public Duration delayAfter(int consecutiveFailures) {
    if (consecutiveFailures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = consecutiveFailures - freeFailures;
    Duration delay = initialDelay;
    for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** Where the window of failures that count against the budget starts. */
  public OffsetDateTime windowStart(OffsetDateTime now) {
    return now.minus(window);
  }

  /**
   * Until when the budget holds the kiosk, given the failures within the window (oldest first): the
   * moment enough of them have left it that fewer than {@code dailyFailures} remain; empty while
   * the budget is not spent.
   */
  public Optional<OffsetDateTime> budgetHoldsUntil(List<OffsetDateTime> failuresInWindow) {
    int over = failuresInWindow.size() - dailyFailures;
    if (over < 0) {
      return Optional.empty();
    }
    return Optional.of(failuresInWindow.get(over).plus(window));
  }

  /**
   * Until when a kiosk waits after a failure: the later of the wait for failures in a row and the
   * budget's hold; null when it may try again at once.
   */
  public OffsetDateTime blockedUntil(
      int consecutiveFailures, List<OffsetDateTime> failuresInWindow, OffsetDateTime now) {
    Duration delay = delayAfter(consecutiveFailures);
    OffsetDateTime byDelay = delay.isZero() ? null : now.plus(delay);
    OffsetDateTime byBudget = budgetHoldsUntil(failuresInWindow).orElse(null);
    if (byBudget == null || !byBudget.isAfter(now)) {
      return byDelay;
    }
    return byDelay == null || byBudget.isAfter(byDelay) ? byBudget : byDelay;
  }

  /** Whether this failure is the one at which the site's managers are alerted. */
  public boolean isAlertPoint(int consecutiveFailures) {
    return consecutiveFailures == alertAfterFailures;
  }

  /** Whether {@code failuresInWindow} failures spend the budget. */
  public boolean isBudgetSpent(int failuresInWindow) {
    return failuresInWindow >= dailyFailures;
  }
}
