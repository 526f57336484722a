package com.smartpackageroom.web.management;

import com.smartpackageroom.ejb.dashboard.DashboardFigures;
import com.smartpackageroom.ejb.dashboard.DashboardService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The figures of a site's dashboard, as the portal shows them. */
@Path("v1/sites/{siteId}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource extends ManagementResource {

  @EJB DashboardService dashboard;

  @GET
  public DashboardFigures dashboardFigures(@PathParam("siteId") Long siteId) {
    return dashboard.figures(caller(), siteId);
  }
}
