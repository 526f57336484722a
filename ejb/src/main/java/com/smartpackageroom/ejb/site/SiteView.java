package com.smartpackageroom.ejb.site;

import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Duration;
import java.time.Instant;

/**
 * A site and its settings. {@code singleAccessPinValidity} is how long a single access PIN lasts
 * when staff give no expiry (and a PIN requested at the kiosk), {@code singleAccessPinMaxValidity}
 * the longest it may be; both ISO-8601 durations.
 */
public record SiteView(
    Long id,
    String name,
    String timeZone,
    boolean requestPinEnabled,
    String country,
    Instant createdAt,
    String singleAccessPinValidity,
    boolean singleAccessPinValidityIsDefault,
    String singleAccessPinMaxValidity) {

  public static SiteView of(Site s, Duration defaultValidity, Duration maxValidity) {
    return new SiteView(
        s.getId(),
        s.getName(),
        s.getTimeZone().getId(),
        s.isRequestPinEnabled(),
        s.getCountry(),
        Times.instant(s.getCreatedAt()),
        s.getSingleAccessPinValidity().orElse(defaultValidity).toString(),
        s.getSingleAccessPinValidity().isEmpty(),
        maxValidity.toString());
  }
}
