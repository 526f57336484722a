package com.smartpackageroom.web.management;

import com.smartpackageroom.batch.imports.ImportService;
import com.smartpackageroom.batch.imports.ImportView;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.web.api.Paging;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resident imports of a site: upload a property-management export, list past imports. */
@Path("v1/sites/{siteId}/imports")
@Produces(MediaType.APPLICATION_JSON)
public class SiteImportsResource extends ManagementResource {

  @EJB ImportService imports;

  @PathParam("siteId")
  Long siteId;

  @POST
  @Consumes({"text/csv", "application/csv", "text/plain", "application/octet-stream"})
  public Response startImport(
      @QueryParam("layout") String layout,
      @QueryParam("mode") String mode,
      @QueryParam("force") String force,
      InputStream csv) {
    ImportView started = imports.start(caller(), siteId, layout, mode, force, csv);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", started.id());
    body.put("status", started.status());
    return Response.accepted(body)
        .location(uri.getBaseUriBuilder().path("v1/imports/{id}").build(started.id()))
        .build();
  }

  @GET
  public Page<ImportView> listImports(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return imports.list(caller(), siteId, Paging.of(page, size));
  }
}
