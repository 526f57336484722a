package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;

/** A kiosk; {@code token} is present only in the answer that registers it. */
public record KioskView(Long id, Long siteId, String name, String token, Instant createdAt) {

  public static KioskView of(Kiosk k, String token) {
    return new KioskView(
        k.getId(), k.getSiteId(), k.getName(), token, Times.instant(k.getCreatedAt()));
  }
}
