package com.smartpackageroom.web.portal.dashboard;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.dashboard.DashboardFigures;
import com.smartpackageroom.ejb.dashboard.DashboardFigures.LastImport;
import com.smartpackageroom.ejb.dashboard.DashboardService;
import com.smartpackageroom.ejb.site.SiteView;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The Dashboard's figures of the chosen site (the same service as GET
 * /api/v1/sites/{id}/dashboard): active recipients, keys issued this week, messages failed, the
 * last import and its result, kiosks refusing everyone now. A figure of a screen the person may not
 * open (imports and kiosks for staff) is not there.
 */
@Named("figures")
@RequestScoped
public class Figures {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @EJB DashboardService dashboard;
  @Inject PortalUser me;

  private DashboardFigures figures;
  private boolean loaded;

  public DashboardFigures getFigures() {
    if (!loaded) {
      loaded = true;
      try {
        figures = me.getSiteId() == null ? null : dashboard.figures(me.caller(), me.getSiteId());
      } catch (DomainException e) {
        figures = null;
      }
    }
    return figures;
  }

  public LastImport getLastImport() {
    return getFigures() == null ? null : getFigures().lastImport();
  }

  /** Whether the person opens Imports at all (the service leaves the figure out otherwise). */
  public boolean isImportsShown() {
    return getFigures() != null && me.isManager();
  }

  public boolean isKiosksShown() {
    return getFigures() != null && getFigures().kiosksThrottledNow() != null;
  }

  /** The last import's result in words. */
  public String getImportResult() {
    LastImport last = getLastImport();
    if (last == null) {
      return "No import yet";
    }
    return switch (last.status()) {
      case "COMPLETED" -> "Completed";
      case "FAILED" -> "Failed";
      case "STOPPED" -> "Stopped";
      default -> "In progress";
    };
  }

  public String getImportDetails() {
    LastImport last = getLastImport();
    if (last == null) {
      return "";
    }
    return when(last.createdAt())
        + ": "
        + last.inserted()
        + " new, "
        + last.updated()
        + " updated, "
        + last.movedOut()
        + " moved out, "
        + last.skipped()
        + " skipped";
  }

  public String getWeekStart() {
    return getFigures() == null ? "" : when(getFigures().weekStartedAt());
  }

  private String when(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZoneId zone =
        me.getSites().stream()
            .filter(s -> s.id().equals(me.getSiteId()))
            .map(SiteView::timeZone)
            .map(ZoneId::of)
            .findFirst()
            .orElse(ZoneId.of("UTC"));
    return WHEN.format(instant.atZone(zone));
  }
}
