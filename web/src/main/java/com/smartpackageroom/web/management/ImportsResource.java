package com.smartpackageroom.web.management;

import com.smartpackageroom.batch.imports.ImportService;
import com.smartpackageroom.batch.imports.ImportView;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.web.api.CsvDownload;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An import's progress and result (counters, and the lines it refused with the reason, also as a
 * CSV file), and a new run of a failed or stopped one.
 */
@Path("v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource extends ManagementResource {

  @EJB ImportService imports;

  @GET
  @Path("{importId}")
  public ImportView getImport(@PathParam("importId") Long importId) {
    return imports.get(caller(), importId);
  }

  /**
   * The lines the import skipped as a CSV file (line, reason), all of them, streamed; cells a
   * spreadsheet would run as a formula are made inert. X-Total-Count says how many lines it
   * skipped.
   */
  @GET
  @Path("{importId}/errors.csv")
  @Produces({CsvDownload.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response exportImportErrors(@PathParam("importId") Long importId) {
    Caller caller = caller();
    // checked before the answer starts, so that a refusal is still a problem+json answer
    long skipped = imports.skippedLines(caller, importId);
    return CsvDownload.of(
            "import-" + importId + "-skipped-lines.csv",
            out -> imports.exportErrorsCsv(caller, importId, out))
        .header("X-Total-Count", skipped)
        .build();
  }

  /**
   * Runs a FAILED or STOPPED import again from where it stopped (202); force=true accepts a file
   * refused as suspicious. 409 import-not-restartable for a running or completed import, or one
   * whose file is no longer kept.
   */
  @POST
  @Path("{importId}/restart")
  public Response restartImport(
      @PathParam("importId") Long importId, @QueryParam("force") String force) {
    ImportView restarted = imports.restart(caller(), importId, force);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", restarted.id());
    body.put("status", restarted.status());
    return Response.accepted(body)
        .location(uri.getBaseUriBuilder().path("v1/imports/{id}").build(restarted.id()))
        .build();
  }
}
