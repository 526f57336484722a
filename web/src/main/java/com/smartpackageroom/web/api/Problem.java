package com.smartpackageroom.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;

/** An RFC 9457 problem detail with the stable machine-readable {@code code} of the APIs. */
public record Problem(String type, String title, int status, String detail, String code) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  public static Response response(int status, String code, String detail, Duration retryAfter) {
    Status known = Status.fromStatusCode(status);
    String title =
        known != null
            ? known.getReasonPhrase()
            : status == 422 ? "Unprocessable Content" : "Error"; // RFC 9110, not in JAX-RS
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(PROBLEM_JSON)
            .entity(new Problem("/problems/" + code, title, status, detail, code));
    if (status == 401) {
      // RFC 6750: which scheme the client should authenticate with
      builder.header("WWW-Authenticate", "Bearer");
    }
    if (retryAfter != null) {
      builder.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
    }
    return builder.build();
  }

  public static Response response(int status, String code, String detail) {
    return response(status, code, detail, null);
  }
}
