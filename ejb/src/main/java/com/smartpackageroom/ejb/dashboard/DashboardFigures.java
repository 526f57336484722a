package com.smartpackageroom.ejb.dashboard;

import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;

/**
 * The figures of a site's dashboard. A figure of a screen the caller may not open (imports and
 * kiosks for staff) is absent, as is the last import of a site that has none.
 */
public record DashboardFigures(
    long activeRecipients,
    long keysIssuedThisWeek,
    Instant weekStartedAt,
    long messagesFailed,
    LastImport lastImport,
    Long kiosksThrottledNow) {

  /** The site's latest import and its result. */
  public record LastImport(
      Long id,
      String status,
      Instant createdAt,
      Instant finishedAt,
      Long totalLines,
      long read,
      long inserted,
      long updated,
      long unchanged,
      long movedOut,
      long skipped) {

    static LastImport of(RecipientImport i) {
      return new LastImport(
          i.getId(),
          i.getStatus().shown().name(),
          Times.instant(i.getCreatedAt()),
          Times.instant(i.getFinishedAt()),
          i.getTotalLines(),
          i.getRead(),
          i.getInserted(),
          i.getUpdated(),
          i.getUnchanged(),
          i.getMovedOut(),
          i.getSkipped());
    }
  }
}
