package com.smartpackageroom.web.management;

import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.ejb.audit.AuditEventView;
import com.smartpackageroom.ejb.audit.AuditFilter;
import com.smartpackageroom.ejb.audit.AuditQueries;
import com.smartpackageroom.ejb.kiosk.KioskRegistry;
import com.smartpackageroom.ejb.kiosk.KioskView;
import com.smartpackageroom.ejb.notification.NotificationQueries;
import com.smartpackageroom.ejb.notification.NotificationView;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.site.SiteChanges;
import com.smartpackageroom.ejb.site.SiteService;
import com.smartpackageroom.ejb.site.SiteView;
import com.smartpackageroom.web.api.CsvDownload;
import com.smartpackageroom.web.api.JsonBody;
import com.smartpackageroom.web.api.Paging;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Sites, their kiosks, audit log and outbox. (One root resource for v1/sites/{siteId} itself:
 * JAX-RS picks one root class per request and does not fall back to another.)
 */
@Path("v1/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SitesResource extends ManagementResource {

  @EJB SiteService sites;

  @EJB KioskRegistry kiosks;

  @EJB AuditQueries audit;

  @EJB NotificationQueries notifications;

  @POST
  public Response createSite(String body) {
    SiteView site = sites.create(caller(), fields(JsonBody.parse(body)));
    return created(site.id(), site);
  }

  @GET
  public List<SiteView> listSites() {
    return sites.list(caller());
  }

  @GET
  @Path("{siteId}")
  public SiteView getSite(@PathParam("siteId") Long siteId) {
    return sites.get(caller(), siteId);
  }

  @PATCH
  @Path("{siteId}")
  public SiteView changeSite(@PathParam("siteId") Long siteId, String body) {
    JsonBody json = JsonBody.parse(body);
    return sites.change(
        caller(),
        siteId,
        new SiteChanges(
            json.changeRequired("name"),
            json.changeRequired("timeZone"),
            json.bool("requestPinEnabled"),
            json.changeRequired("country"),
            json.change("singleAccessPinValidity")));
  }

  @POST
  @Path("{siteId}/kiosks")
  public Response registerKiosk(@PathParam("siteId") Long siteId, String body) {
    KioskView kiosk =
        kiosks.register(caller(), siteId, JsonBody.parse(body).requiredString("name"));
    // a kiosk is read at /api/v1/kiosks/{id}, not under its site
    return createdAt(KiosksResource.class, kiosk.id(), kiosk);
  }

  @GET
  @Path("{siteId}/kiosks")
  public List<KioskView> kiosks(@PathParam("siteId") Long siteId) {
    return kiosks.list(caller(), siteId);
  }

  /**
   * The site's audit log, newest first; optional filters: from (inclusive) and to (exclusive) as
   * ISO-8601 instants, actor ("account:12", "kiosk:3"), kioskId, type (an event type).
   */
  @GET
  @Path("{siteId}/audit-events")
  public Page<AuditEventView> auditEvents(
      @PathParam("siteId") Long siteId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("kioskId") String kioskId,
      @QueryParam("type") String type,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    AuditFilter filter = AuditFilter.parse(from, to, actor, kioskId, type);
    return audit.list(caller(), siteId, filter, Paging.of(page, size));
  }

  /**
   * The same events (same filters) as a CSV file, streamed; cells a spreadsheet would run as a
   * formula are made inert. X-Total-Count says how many events the filters select.
   */
  @GET
  @Path("{siteId}/audit-events.csv")
  @Produces({CsvDownload.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response exportAuditEvents(
      @PathParam("siteId") Long siteId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("kioskId") String kioskId,
      @QueryParam("type") String type) {
    AuditFilter filter = AuditFilter.parse(from, to, actor, kioskId, type);
    Caller caller = caller();
    // checked before the answer starts, so that a refusal is still a problem+json answer
    long total = audit.count(caller, siteId, filter);
    return CsvDownload.of(
            "audit-site-" + siteId + ".csv", out -> audit.exportCsv(caller, siteId, filter, out))
        .header("X-Total-Count", total)
        .build();
  }

  /** The site's outbox, newest first; optional filters: to (an address), status. */
  @GET
  @Path("{siteId}/notifications")
  public Page<NotificationView> notifications(
      @PathParam("siteId") Long siteId,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return notifications.list(caller(), siteId, to, status, Paging.of(page, size));
  }

  private static SiteChanges fields(JsonBody json) {
    return new SiteChanges(
        json.string("name"),
        json.string("timeZone"),
        json.bool("requestPinEnabled"),
        json.string("country"),
        json.change("singleAccessPinValidity"));
  }
}
