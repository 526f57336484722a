package com.smartpackageroom.web.management;

import com.smartpackageroom.batch.imports.ImportService;
import com.smartpackageroom.batch.imports.ImportView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An import's progress and result: counters, and the lines it refused with the reason. */
@Path("v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource extends ManagementResource {

  @EJB ImportService imports;

  @GET
  @Path("{importId}")
  public ImportView get(@PathParam("importId") Long importId) {
    return imports.get(caller(), importId);
  }
}
