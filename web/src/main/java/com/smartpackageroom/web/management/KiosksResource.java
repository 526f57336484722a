package com.smartpackageroom.web.management;

import com.smartpackageroom.ejb.kiosk.KioskRegistry;
import com.smartpackageroom.ejb.kiosk.KioskView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A kiosk by its id: its throttle's state, its failures cleared, its token rotated, retired
 * (administrators and the site's property managers).
 */
@Path("v1/kiosks")
@Produces(MediaType.APPLICATION_JSON)
public class KiosksResource extends ManagementResource {

  @EJB KioskRegistry kiosks;

  @GET
  @Path("{kioskId}")
  public KioskView getKiosk(@PathParam("kioskId") Long kioskId) {
    return kiosks.get(caller(), kioskId);
  }

  /** Forgets the kiosk's failures (in a row and within the day's budget); audited. */
  @POST
  @Path("{kioskId}/clear-throttle")
  public KioskView clearThrottle(@PathParam("kioskId") Long kioskId) {
    return kiosks.clearThrottle(caller(), kioskId);
  }

  /** A new token, shown once in this answer; the old one is refused from now on. */
  @POST
  @Path("{kioskId}/rotate-token")
  public Response rotateToken(@PathParam("kioskId") Long kioskId) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(kiosks.rotateToken(caller(), kioskId)).cacheControl(noStore).build();
  }

  /** Retires the kiosk: its token is refused from now on; its audit history stays. */
  @DELETE
  @Path("{kioskId}")
  public Response retire(@PathParam("kioskId") Long kioskId) {
    kiosks.retire(caller(), kioskId);
    return Response.noContent().build();
  }
}
