package com.smartpackageroom.web.management;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.web.api.JsonBody;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Access Key Maintenance of a recipient, courier or staff member. */
@Path("v1/sites/{siteId}/{holders: recipients|couriers|staff}/{holderId}/access-keys")
@Produces(MediaType.APPLICATION_JSON)
public class HolderKeysResource extends ManagementResource {

  @EJB AccessKeyService keys;

  @PathParam("siteId")
  Long siteId;

  @PathParam("holders")
  String holders;

  @PathParam("holderId")
  Long holderId;

  @GET
  public List<AccessKeyView> listHolderKeys() {
    return keys.keysOf(caller(), siteId, kind(), holderId);
  }

  @POST
  public Response createHolderKey(String body) {
    JsonBody json = JsonBody.parse(body);
    AccessKeyType type = json.choice("type", AccessKeyType.class, true);
    AccessKeyView key = keys.create(caller(), siteId, kind(), holderId, type, json.string("pin"));
    return Response.created(uri.getBaseUriBuilder().path("v1/access-keys/{id}").build(key.id()))
        .entity(key)
        .build();
  }

  private HolderKind kind() {
    return switch (holders) {
      case "recipients" -> HolderKind.RECIPIENT;
      case "couriers" -> HolderKind.COURIER;
      default -> HolderKind.STAFF;
    };
  }
}
