package com.smartpackageroom.domain.kiosk;

import java.time.Duration;

/**
 * How long a kiosk waits after consecutive failed sign-ins: nothing for the first {@code
 * freeFailures}, then {@code initialDelay}, doubling with each further failure up to {@code
 * maxDelay}.
 */
public record ThrottlePolicy(
    int freeFailures, Duration initialDelay, Duration maxDelay, int alertAfterFailures) {

  public static final ThrottlePolicy DEFAULT =
      new ThrottlePolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(30), 10);

  public ThrottlePolicy {
    if (freeFailures < 1) {
      throw new IllegalArgumentException("freeFailures must be at least 1");
    }
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive");
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must be at least initialDelay");
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

  /** Whether this failure is the one at which the site's managers are alerted. */
  public boolean isAlertPoint(int consecutiveFailures) {
    return consecutiveFailures == alertAfterFailures;
  }
}
