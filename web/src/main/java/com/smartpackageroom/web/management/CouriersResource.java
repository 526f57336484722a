package com.smartpackageroom.web.management;

import com.smartpackageroom.ejb.courier.CourierService;
import com.smartpackageroom.ejb.courier.CourierView;
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

/** User Admin > Couriers. */
@Path("v1/sites/{siteId}/couriers")
@Produces(MediaType.APPLICATION_JSON)
public class CouriersResource extends ManagementResource {

  @EJB CourierService couriers;

  @PathParam("siteId")
  Long siteId;

  @POST
  public Response createCourier(String body) {
    JsonBody json = JsonBody.parse(body);
    CourierView courier =
        couriers.create(
            caller(),
            siteId,
            json.requiredString("name"),
            json.string("carrier"),
            json.string("email"),
            json.string("phone"));
    return created(courier.id(), courier);
  }

  @GET
  public List<CourierView> listCouriers() {
    return couriers.list(caller(), siteId);
  }

  @GET
  @Path("{id}")
  public CourierView getCourier(@PathParam("id") Long id) {
    return couriers.get(caller(), siteId, id);
  }
}
