package com.smartpackageroom.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * A no-op endpoint: what the JAX-RS stack costs without any work of ours. Load balancers may use it
 * as a liveness probe; the sign-in benchmark compares the kiosk API against it.
 */
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

  private static final Map<String, String> PONG = Map.of("status", "UP");

  @GET
  public Map<String, String> ping() {
    return PONG;
  }

  @POST
  public Map<String, String> pingWithBody(String ignored) {
    return PONG;
  }
}
