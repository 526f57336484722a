package com.smartpackageroom.domain.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

  private final ThrottlePolicy policy = ThrottlePolicy.DEFAULT;

  @Test
  void theFirstFourFailuresCostNothing() {
    for (int n = 0; n < 5; n++) {
      assertEquals(Duration.ZERO, policy.delayAfter(n));
    }
  }

  @Test
  void fromTheFifthFailureTheWaitStartsAtThirtySecondsAndDoublesUpToThirtyMinutes() {
    assertEquals(Duration.ofSeconds(30), policy.delayAfter(5));
    assertEquals(Duration.ofSeconds(60), policy.delayAfter(6));
    assertEquals(Duration.ofSeconds(120), policy.delayAfter(7));
    assertEquals(Duration.ofSeconds(960), policy.delayAfter(10));
    assertEquals(Duration.ofMinutes(30), policy.delayAfter(11));
    assertEquals(Duration.ofMinutes(30), policy.delayAfter(1_000));
  }

  @Test
  void aGuesserGetsAboutFiftyTriesADay() {
    Duration day = Duration.ofDays(1);
    Duration spent = Duration.ZERO;
    int tries = 0;
    while (spent.compareTo(day) < 0) {
      tries++;
      spent = spent.plus(policy.delayAfter(tries));
    }
    assertTrue(tries <= 60, "tries per day: " + tries);
  }

  @Test
  void managersAreAlertedAtTheTenthFailureInARow() {
    assertTrue(policy.isAlertPoint(10));
    assertFalse(policy.isAlertPoint(9));
    assertFalse(policy.isAlertPoint(11));
  }

  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  private static List<OffsetDateTime> failuresEveryMinute(int count) {
    List<OffsetDateTime> failures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      failures.add(T0.plusMinutes(i));
    }
    return failures;
  }

  @Test
  void theBudgetHoldsNothingBelowFiftyFailuresInTheWindow() {
    assertEquals(Optional.empty(), policy.budgetHoldsUntil(failuresEveryMinute(49)));
    assertFalse(policy.isBudgetSpent(49));
  }

  @Test
  void atFiftyFailuresTheKioskWaitsUntilTheOldestLeavesTheWindow() {
    assertTrue(policy.isBudgetSpent(50));
    assertEquals(Optional.of(T0.plusHours(24)), policy.budgetHoldsUntil(failuresEveryMinute(50)));
  }

  @Test
  void beyondTheBudgetEnoughFailuresMustLeaveTheWindowToGoBelowIt() {
    // 52 failures (a smaller budget set meanwhile, say): the third oldest must leave too
    assertEquals(
        Optional.of(T0.plusMinutes(2).plusHours(24)),
        policy.budgetHoldsUntil(failuresEveryMinute(52)));
  }

  @Test
  void aSuccessBetweenFailuresChangesNothingOfTheBudget() {
    // failures in a row start again after each success, the budget does not: four wrong PINs and
    // one success, repeated, are stopped at the fiftieth failure
    List<OffsetDateTime> failures = failuresEveryMinute(50);
    OffsetDateTime now = failures.get(49);
    assertEquals(T0.plusHours(24), policy.blockedUntil(4, failures, now));
  }

  @Test
  void theKioskWaitsForTheLaterOfBothLimits() {
    OffsetDateTime now = T0.plusHours(23).plusMinutes(59);
    List<OffsetDateTime> failures = failuresEveryMinute(49);
    failures.add(now);
    // 11 in a row: 30 minutes, later than the oldest failure's leaving in one minute
    assertEquals(now.plusMinutes(30), policy.blockedUntil(11, failures, now));
    // 5 in a row: 30 seconds, earlier than the oldest's leaving
    assertEquals(
        T0.plusHours(24), policy.blockedUntil(5, failuresEveryMinute(50), T0.plusHours(1)));
  }

  @Test
  void noWaitWhileBothLimitsAreFree() {
    assertNull(policy.blockedUntil(4, failuresEveryMinute(4), T0.plusMinutes(4)));
  }

  @Test
  void fiftyGuessesADayAtMostWhateverTheMix() {
    // a guesser who waits out every delay and signs in with an own key whenever it helps gets at
    // most the budget's failures in any 24 hours
    List<OffsetDateTime> failures = new ArrayList<>();
    OffsetDateTime now = T0;
    int inARow = 0;
    OffsetDateTime blockedUntil = null;
    while (now.isBefore(T0.plusDays(1))) {
      if (blockedUntil == null || !blockedUntil.isAfter(now)) {
        if (inARow == 4) {
          inARow = 0; // an own valid key: a success
        } else {
          inARow++;
          failures.add(now);
          List<OffsetDateTime> window =
              failures.stream()
                  .filter(f -> f.isAfter(policy.windowStart(failures.get(failures.size() - 1))))
                  .toList();
          blockedUntil = policy.blockedUntil(inARow, window, now);
        }
      }
      now = now.plusSeconds(1);
    }
    assertEquals(50, failures.size());
  }

  @Test
  void settingsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ThrottlePolicy(
                5, Duration.ofSeconds(30), Duration.ofMinutes(30), 10, 0, Duration.ofHours(24)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ThrottlePolicy(
                5, Duration.ofSeconds(30), Duration.ofMinutes(30), 0, 50, Duration.ofHours(24)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ThrottlePolicy(
                5, Duration.ofSeconds(30), Duration.ofMinutes(30), 10, 50, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ThrottlePolicy(
                5, Duration.ofSeconds(30), Duration.ofSeconds(10), 10, 50, Duration.ofHours(24)));
  }
}
