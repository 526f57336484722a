package com.smartpackageroom.web.portal;

import com.smartpackageroom.ejb.site.SiteView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments as the portal shows them: in the chosen site's time zone. */
public final class SiteTimes {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SiteTimes() {}

  public static ZoneId zone(PortalUser me) {
    Long site = me.getSiteId();
    return me.getSites().stream()
        .filter(s -> s.id().equals(site))
        .map(SiteView::timeZone)
        .map(ZoneId::of)
        .findFirst()
        .orElse(ZoneId.of("UTC"));
  }

  public static String format(PortalUser me, Instant instant) {
    return instant == null ? "" : WHEN.format(instant.atZone(zone(me)));
  }

  public static String format(PortalUser me, OffsetDateTime at) {
    return at == null ? "" : format(me, at.toInstant());
  }
}
