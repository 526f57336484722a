package com.smartpackageroom.ejb.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardServiceTest {

  /** "This week" starts on Monday at midnight where the site is, whatever the server's zone. */
  @ParameterizedTest
  @CsvSource({
    // a Sunday evening in New York is already Monday in UTC: still the week before
    "America/New_York, 2026-12-07T03:00:00Z, 2026-11-30T05:00:00Z",
    // Monday just after midnight in New York
    "America/New_York, 2026-12-07T05:30:00Z, 2026-12-07T05:00:00Z",
    // the Monday is in summer time, the day asked in winter time
    "America/New_York, 2026-11-03T12:00:00Z, 2026-11-02T05:00:00Z",
    "America/New_York, 2026-11-01T12:00:00Z, 2026-10-26T04:00:00Z",
    // east of UTC: Monday 00:00 in Tokyo is Sunday 15:00 UTC
    "Asia/Tokyo, 2026-12-06T16:00:00Z, 2026-12-06T15:00:00Z",
    "UTC, 2026-12-06T23:59:59Z, 2026-11-30T00:00:00Z"
  })
  void theWeekStartsOnMondayAtMidnightInTheSitesTimeZone(String zone, String now, String expected) {
    assertEquals(
        OffsetDateTime.parse(expected).toInstant(),
        DashboardService.weekStart(ZoneId.of(zone), OffsetDateTime.parse(now)).toInstant());
  }
}
