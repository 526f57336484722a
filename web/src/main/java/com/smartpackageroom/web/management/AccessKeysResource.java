package com.smartpackageroom.web.management;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.ejb.accesskey.QrCodes;
import com.smartpackageroom.web.api.JsonBody;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One access key: look-up, QR code, deactivate, reactivate, customise, delete. */
@Path("v1/access-keys/{keyId}")
@Produces(MediaType.APPLICATION_JSON)
public class AccessKeysResource extends ManagementResource {

  @EJB AccessKeyService keys;

  @PathParam("keyId")
  Long keyId;

  @GET
  public Response lookUp() {
    return noStore(Response.ok(keys.lookUp(caller(), keyId)));
  }

  @GET
  @Path("qr.png")
  @Produces({"image/png", MediaType.APPLICATION_JSON})
  public Response qr(@QueryParam("size") String size) {
    int pixels = QrCodes.DEFAULT_SIZE;
    if (size != null && !size.isBlank()) {
      try {
        pixels = Integer.parseInt(size.strip());
      } catch (NumberFormatException e) {
        pixels = -1;
      }
      if (pixels < QrCodes.MIN_SIZE || pixels > QrCodes.MAX_SIZE) {
        throw DomainException.invalid(
            "size must be a whole number from " + QrCodes.MIN_SIZE + " to " + QrCodes.MAX_SIZE);
      }
    }
    return noStore(Response.ok(keys.qrPng(caller(), keyId, pixels), "image/png"));
  }

  @POST
  @Path("deactivate")
  public AccessKeyView deactivate() {
    return keys.deactivate(caller(), keyId);
  }

  @POST
  @Path("reactivate")
  public AccessKeyView reactivate() {
    return keys.reactivate(caller(), keyId);
  }

  @PUT
  @Path("pin")
  public Response customize(String body) {
    String pin = JsonBody.parse(body).requiredString("pin");
    return noStore(Response.ok(keys.customize(caller(), keyId, pin)));
  }

  @DELETE
  public Response deleteKey() {
    keys.delete(caller(), keyId);
    return Response.noContent().build();
  }

  private static Response noStore(Response.ResponseBuilder builder) {
    CacheControl cache = new CacheControl();
    cache.setNoStore(true);
    return builder.cacheControl(cache).build();
  }
}
