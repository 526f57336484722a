package com.smartpackageroom.ejb.site;

import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;

public record SiteView(
    Long id,
    String name,
    String timeZone,
    boolean requestPinEnabled,
    String country,
    Instant createdAt) {

  public static SiteView of(Site s) {
    return new SiteView(
        s.getId(),
        s.getName(),
        s.getTimeZone().getId(),
        s.isRequestPinEnabled(),
        s.getCountry(),
        Times.instant(s.getCreatedAt()));
  }
}
