package com.smartpackageroom.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotificationTest {

  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 11, 22, 8, 0, 0, 0, ZoneOffset.UTC);
  private final RetryPolicy policy = RetryPolicy.defaults();

  private static Notification message() {
    return new Notification(
        1L,
        NotificationKind.ACCESS_KEY,
        Channel.EMAIL,
        "ana@example.org",
        "PIN",
        "sealed",
        null,
        5L,
        null,
        T0);
  }

  @Test
  void aFailedTryWaitsForTheNextOne() {
    Notification n = message();
    n.attemptFailed(T0.plusSeconds(1), "451 try later", false, policy);
    assertEquals(NotificationStatus.PENDING, n.getStatus());
    assertEquals(1, n.getAttempts());
    assertEquals(T0.plusSeconds(6), n.getNextAttemptAt());
    assertEquals("451 try later", n.getLastError());
    assertNull(n.getClaimToken());
  }

  @Test
  void aRefusedAddressFailsAtOnce() {
    Notification n = message();
    n.attemptFailed(T0, "550 no such user", true, policy);
    assertEquals(NotificationStatus.FAILED, n.getStatus());
  }

  @Test
  void aMessageFailsForGoodAfterItsWindow() {
    Notification n = message();
    n.attemptFailed(T0.plusHours(24), "connection refused", false, policy);
    assertEquals(NotificationStatus.FAILED, n.getStatus());
    assertThrows(IllegalStateException.class, () -> n.delivered(T0.plusHours(25)));
  }

  @Test
  void deliveredOnceAndNeverAgain() {
    Notification n = message();
    n.attemptFailed(T0, "connection refused", false, policy);
    n.delivered(T0.plusSeconds(5));
    assertEquals(NotificationStatus.SENT, n.getStatus());
    assertEquals(2, n.getAttempts());
    assertNull(n.getLastError());
    assertEquals(T0.plusSeconds(5), n.getSentAt());
    assertThrows(IllegalStateException.class, () -> n.delivered(T0.plusSeconds(6)));
  }

  @Test
  void longErrorsAreCut() {
    Notification n = message();
    n.attemptFailed(T0, "x".repeat(2000), false, policy);
    assertEquals(500, n.getLastError().length());
  }
}
