package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;

/**
 * A key in the APIs' JSON shape. {@code pin} and {@code qr} carry the value only where it is shown
 * on purpose: when the key is made or customised, and on an audited look-up.
 */
public record AccessKeyView(
    Long id,
    Long siteId,
    String type,
    String status,
    String pin,
    String qr,
    String card,
    boolean singleUse,
    Instant expiresAt,
    Instant usedAt,
    Instant createdAt,
    HolderView holder) {

  public record HolderView(String kind, Long id, String displayName) {}

  public static AccessKeyView of(AccessKey k, String displayName, String revealedValue) {
    String pin = null;
    String qr = null;
    String card = null;
    if (revealedValue != null) {
      switch (k.getType()) {
        case PIN -> pin = revealedValue;
        case QR -> qr = revealedValue;
        case KEY_CARD -> card = revealedValue;
      }
    }
    return new AccessKeyView(
        k.getId(),
        k.getSiteId(),
        k.getType().name(),
        k.getStatus().name(),
        pin,
        qr,
        card,
        k.isSingleUse(),
        Times.instant(k.getExpiresAt()),
        Times.instant(k.getUsedAt()),
        Times.instant(k.getCreatedAt()),
        new HolderView(k.getHolderKind().name(), k.getHolderId(), displayName));
  }
}
