package com.smartpackageroom.web.management;

import com.smartpackageroom.batch.imports.ImportMappingView;
import com.smartpackageroom.batch.imports.ImportMappings;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.web.api.JsonBody;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A site's column mappings for resident exports the import does not know out of the box (an
 * addition to the contract): {@code PUT .../import-mappings/{name}} defines one, and {@code POST
 * .../imports?layout={name}} reads a file by it.
 */
@Path("v1/sites/{siteId}/import-mappings")
@Produces(MediaType.APPLICATION_JSON)
public class ImportMappingsResource extends ManagementResource {

  @EJB ImportMappings mappings;

  @PathParam("siteId")
  Long siteId;

  @GET
  public List<ImportMappingView> listImportMappings() {
    return mappings.list(caller(), siteId);
  }

  @GET
  @Path("{name}")
  public ImportMappingView getImportMapping(@PathParam("name") String name) {
    return mappings.get(caller(), siteId, name);
  }

  @PUT
  @Path("{name}")
  public Response saveImportMapping(@PathParam("name") String name, String body) {
    JsonBody json = JsonBody.parse(body);
    Map<ResidentField, String> columns = new EnumMap<>(ResidentField.class);
    json.stringsByName("columns")
        .forEach(
            (field, column) ->
                columns.put(
                    ResidentField.ofJsonName(field)
                        .orElseThrow(
                            () ->
                                DomainException.invalid(
                                    "columns."
                                        + field
                                        + " is not a field of the import: use externalId, unit,"
                                        + " firstName, lastName, email, mobilePhone, otherPhone"
                                        + " or status")),
                    column));
    ImportMappings.Saved saved =
        mappings.save(
            caller(),
            siteId,
            name,
            columns,
            json.strings("currentStatuses"),
            json.strings("formerStatuses"));
    return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(saved.mapping())
        .build();
  }

  @DELETE
  @Path("{name}")
  public Response deleteImportMapping(@PathParam("name") String name) {
    mappings.delete(caller(), siteId, name);
    return Response.noContent().build();
  }
}
