package com.smartpackageroom.web.management;

import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.ApiTokenView;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.ejb.mfa.MfaService;
import com.smartpackageroom.web.api.JsonBody;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Administrators and API tokens (administrators only); unlocking portal accounts. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource extends ManagementResource {

  @EJB AccountService accounts;

  @EJB MfaService mfa;

  /** An account locked by failed portal sign-ins works again (administrators, its managers). */
  @POST
  @Path("accounts/{id}/unlock")
  public Response unlock(@PathParam("id") Long id) {
    mfa.unlock(caller(), id);
    return Response.noContent().build();
  }

  /** The account's authenticator app is removed: it signs in with emailed codes until set again. */
  @DELETE
  @Path("accounts/{id}/authenticator")
  public Response resetAuthenticator(@PathParam("id") Long id) {
    mfa.resetAuthenticator(caller(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("administrators")
  public List<StaffView> administrators() {
    return accounts.administrators(caller());
  }

  @POST
  @Path("administrators")
  public Response createAdministrator(String body) {
    JsonBody json = JsonBody.parse(body);
    StaffView admin =
        accounts.createAdministrator(
            caller(),
            json.requiredString("email"),
            json.requiredString("firstName"),
            json.requiredString("lastName"));
    return Response.status(Response.Status.CREATED).entity(admin).build();
  }

  @POST
  @Path("api-tokens")
  public Response createApiToken(String body) {
    JsonBody json = JsonBody.parse(body);
    Long accountId = json.id("accountId");
    if (accountId == null) {
      json.requiredString("accountId");
    }
    ApiTokenView token = accounts.createApiToken(caller(), accountId, json.requiredString("name"));
    return created(token.id(), token);
  }

  @GET
  @Path("api-tokens")
  public List<ApiTokenView> apiTokens() {
    return accounts.apiTokens(caller());
  }

  @DELETE
  @Path("api-tokens/{id}")
  public Response revoke(@PathParam("id") Long id) {
    accounts.revokeApiToken(caller(), id);
    return Response.noContent().build();
  }
}
