package com.smartpackageroom.web.management;

import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.ejb.audit.AuditEventView;
import com.smartpackageroom.ejb.audit.AuditQueries;
import com.smartpackageroom.ejb.notification.NotificationQueries;
import com.smartpackageroom.ejb.notification.NotificationView;
import com.smartpackageroom.web.api.Paging;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A site's audit log and outbox. */
@Path("v1/sites/{siteId}")
@Produces(MediaType.APPLICATION_JSON)
public class SiteRecordsResource extends ManagementResource {

  @EJB AuditQueries audit;

  @EJB NotificationQueries notifications;

  @PathParam("siteId")
  Long siteId;

  @GET
  @Path("audit-events")
  public Page<AuditEventView> auditEvents(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return audit.list(caller(), siteId, Paging.of(page, size));
  }

  @GET
  @Path("notifications")
  public Page<NotificationView> notifications(
      @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size) {
    return notifications.list(caller(), siteId, to, Paging.of(page, size));
  }
}
