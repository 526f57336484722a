package com.smartpackageroom.web.management;

import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.ejb.notification.NotifyVia;
import com.smartpackageroom.ejb.recipient.RecipientData;
import com.smartpackageroom.ejb.recipient.RecipientService;
import com.smartpackageroom.ejb.recipient.RecipientView;
import com.smartpackageroom.web.api.JsonBody;
import com.smartpackageroom.web.api.Paging;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Recipients of a site, and their single access PINs. */
@Path("v1/sites/{siteId}/recipients")
@Produces(MediaType.APPLICATION_JSON)
public class RecipientsResource extends ManagementResource {

  @EJB RecipientService recipients;

  @EJB AccessKeyService keys;

  @PathParam("siteId")
  Long siteId;

  @POST
  public Response createRecipient(String body) {
    JsonBody json = JsonBody.parse(body);
    RecipientView r =
        recipients.create(
            caller(),
            siteId,
            new RecipientData(
                Optional.ofNullable(json.string("externalId")),
                json.requiredString("firstName"),
                json.requiredString("lastName"),
                json.requiredString("unit"),
                Optional.ofNullable(json.string("email")),
                Optional.ofNullable(json.string("phone")),
                null));
    return created(r.id(), r);
  }

  @GET
  public Page<RecipientView> searchRecipients(
      @QueryParam("q") String q,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    RecipientStatus wanted =
        status == null || status.isBlank() ? null : RecipientService.parseStatus(status);
    return recipients.search(caller(), siteId, q, wanted, Paging.of(page, size));
  }

  @GET
  @Path("{id}")
  public RecipientView getRecipient(@PathParam("id") Long id) {
    return recipients.get(caller(), siteId, id);
  }

  @PATCH
  @Path("{id}")
  public RecipientView changeRecipient(@PathParam("id") Long id, String body) {
    JsonBody json = JsonBody.parse(body);
    return recipients.change(
        caller(),
        siteId,
        id,
        new RecipientData(
            json.change("externalId"),
            json.changeRequired("firstName"),
            json.changeRequired("lastName"),
            json.changeRequired("unit"),
            json.change("email"),
            json.change("phone"),
            json.changeRequired("status")));
  }

  @DELETE
  @Path("{id}")
  public Response erase(@PathParam("id") Long id) {
    recipients.erase(caller(), siteId, id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/single-access-pins")
  public Response sendSingleAccessPin(@PathParam("id") Long id, String body) {
    JsonBody json = JsonBody.parse(body);
    AccessKeyView key =
        keys.sendSingleAccessPin(
            caller(),
            siteId,
            id,
            json.choice("notifyVia", NotifyVia.class, true),
            json.instant("expiresAt"));
    return Response.created(uri.getBaseUriBuilder().path("v1/access-keys/{id}").build(key.id()))
        .entity(key)
        .build();
  }
}
