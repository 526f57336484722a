package com.smartpackageroom.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final OffsetDateTime CREATED =
      OffsetDateTime.of(2026, 11, 22, 8, 0, 0, 0, ZoneOffset.UTC);

  private final RetryPolicy policy = RetryPolicy.defaults();

  private Duration waitAfter(int attempts, Duration age) {
    OffsetDateTime now = CREATED.plus(age);
    return Duration.between(now, policy.nextAttempt(CREATED, attempts, now).orElseThrow());
  }

  @Test
  void waitsDoubleFromFiveSeconds() {
    assertEquals(Duration.ofSeconds(5), waitAfter(1, Duration.ZERO));
    assertEquals(Duration.ofSeconds(10), waitAfter(2, Duration.ofSeconds(5)));
    assertEquals(Duration.ofSeconds(20), waitAfter(3, Duration.ofSeconds(15)));
    assertEquals(Duration.ofSeconds(40), waitAfter(4, Duration.ofSeconds(35)));
  }

  @Test
  void neverWaitsMoreThanAMinuteInTheFirstHour() {
    for (int attempts = 1; attempts < 200; attempts++) {
      Duration wait = waitAfter(attempts, Duration.ofMinutes(59));
      assertTrue(wait.compareTo(Duration.ofMinutes(1)) <= 0, "after try " + attempts + ": " + wait);
    }
  }

  @Test
  void waitsUpToTenMinutesAfterTheFirstHour() {
    assertEquals(Duration.ofMinutes(10), waitAfter(60, Duration.ofHours(2)));
    assertEquals(Duration.ofMinutes(10), waitAfter(Integer.MAX_VALUE, Duration.ofHours(2)));
  }

  @Test
  void givesUpAfterTheWindow() {
    assertTrue(policy.nextAttempt(CREATED, 100, CREATED.plusHours(24)).isEmpty());
    assertTrue(policy.nextAttempt(CREATED, 1, CREATED.plusDays(3)).isEmpty());
  }

  @Test
  void theLastTryFallsAtTheEndOfTheWindow() {
    OffsetDateTime now = CREATED.plusHours(24).minusMinutes(3);
    assertEquals(CREATED.plusHours(24), policy.nextAttempt(CREATED, 50, now).orElseThrow());
  }

  @Test
  void refusesNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RetryPolicy(
                Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RetryPolicy(
                Duration.ofMinutes(2),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class, () -> policy.nextAttempt(CREATED, 0, CREATED));
  }
}
