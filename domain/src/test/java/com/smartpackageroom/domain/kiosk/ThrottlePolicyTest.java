package com.smartpackageroom.domain.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
}
