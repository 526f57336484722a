package com.smartpackageroom.domain.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a message that could not be delivered is tried again: the wait starts at {@code
 * initialDelay} and doubles with each try, never longer than {@code maxDelayFirstHour} while the
 * message is less than an hour old nor longer than {@code maxDelay} afterwards; once the message is
 * older than {@code window}, it is not tried again.
 */
public record RetryPolicy(
    Duration initialDelay, Duration maxDelayFirstHour, Duration maxDelay, Duration window) {

  private static final Duration FIRST_HOUR = Duration.ofHours(1);

  public RetryPolicy {
    Objects.requireNonNull(initialDelay);
    Objects.requireNonNull(maxDelayFirstHour);
    Objects.requireNonNull(maxDelay);
    Objects.requireNonNull(window);
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("the first retry delay must be positive");
    }
    if (maxDelayFirstHour.compareTo(initialDelay) < 0 || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("the longest retry delay must not be below the first");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the retry window must be positive");
    }
  }

  /** The defaults: 5 s doubling, at most 1 min in the first hour and 10 min later, for 24 h. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(24));
  }

  /**
   * When to try again after the {@code attempts}-th failed try of a message created at {@code
   * createdAt}; empty when its retry window is over and it has failed for good.
   */
  public Optional<OffsetDateTime> nextAttempt(
      OffsetDateTime createdAt, int attempts, OffsetDateTime now) {
    if (attempts < 1) {
      throw new IllegalArgumentException("a retry follows a failed try");
    }
    OffsetDateTime giveUpAt = createdAt.plus(window);
    if (!now.isBefore(giveUpAt)) {
      return Optional.empty();
    }
    Duration age = Duration.between(createdAt, now);
    Duration cap = age.compareTo(FIRST_HOUR) < 0 ? maxDelayFirstHour : maxDelay;
    Duration delay = initialDelay;
    for (int i = 1; i < attempts && delay.compareTo(cap) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    if (delay.compareTo(cap) > 0) {
      delay = cap;
    }
    OffsetDateTime next = now.plus(delay);
    // the last try falls at the end of the window rather than after it
    return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
  }
}
