package com.smartpackageroom.web.management;

import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.StaffView;
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

/** User Admin > Staff: staff and property managers, invited by email. */
@Path("v1/sites/{siteId}/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource extends ManagementResource {

  @EJB AccountService accounts;

  @PathParam("siteId")
  Long siteId;

  @POST
  public Response invite(String body) {
    JsonBody json = JsonBody.parse(body);
    StaffView staff =
        accounts.inviteStaff(
            caller(),
            siteId,
            json.requiredString("email"),
            json.requiredString("firstName"),
            json.requiredString("lastName"),
            json.string("role"));
    return created(staff.id(), staff);
  }

  @GET
  public List<StaffView> listStaff() {
    return accounts.staffOf(caller(), siteId);
  }

  @GET
  @Path("{id}")
  public StaffView getStaff(@PathParam("id") Long id) {
    return accounts.staffMember(caller(), siteId, id);
  }

  /** A new invitation email to someone who has not set a password yet (409 otherwise). */
  @POST
  @Path("{id}/invitation")
  public StaffView resendInvitation(@PathParam("id") Long id) {
    return accounts.resendInvitation(caller(), siteId, id);
  }

  @POST
  @Path("{id}/disable")
  public StaffView disable(@PathParam("id") Long id) {
    return accounts.setEnabled(caller(), siteId, id, false);
  }

  @POST
  @Path("{id}/enable")
  public StaffView enable(@PathParam("id") Long id) {
    return accounts.setEnabled(caller(), siteId, id, true);
  }
}
