package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A kiosk and its throttle's state: failures counting against the daily budget, failures in a row,
 * until when it refuses everyone (absent when it does not), its last sign-in. {@code token} is
 * present only in the answer that registers the kiosk or rotates its token.
 */
public record KioskView(
    Long id,
    Long siteId,
    String name,
    String token,
    Instant createdAt,
    int failuresInWindow,
    int consecutiveFailures,
    Instant blockedUntil,
    Instant lastSignInAt) {

  public static KioskView of(
      Kiosk k, String token, int failuresInWindow, OffsetDateTime now, OffsetDateTime lastSignIn) {
    OffsetDateTime blocked = k.remainingBlock(now).isPresent() ? k.getBlockedUntil() : null;
    return new KioskView(
        k.getId(),
        k.getSiteId(),
        k.getName(),
        token,
        Times.instant(k.getCreatedAt()),
        failuresInWindow,
        k.getConsecutiveFailures(),
        Times.instant(blocked),
        Times.instant(lastSignIn));
  }
}
