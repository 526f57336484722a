package com.smartpackageroom.web.api;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page (web.xml) for requests that fail before any resource sees them, such as a
 * Content-Type header that cannot be parsed: under {@code /api/} a problem+json body as the APIs
 * answer everywhere else, elsewhere a short page; neither names the server or its version.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // asked for directly, not as an error page: there is nothing here; an exception that reached
    // the error page (a portal page that failed) is the server's fault
    boolean failed = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null;
    int status =
        code == null
            ? (failed ? 500 : 404)
            : code instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    boolean api = uri instanceof String u && u.startsWith(request.getContextPath() + "/api/");
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (api) {
      Problem problem = (Problem) UnexpectedExceptionMapper.fromStatus(status).getEntity();
      response.setContentType(Problem.MEDIA_TYPE);
      try (JsonGenerator json = Json.createGenerator(response.getWriter())) {
        json.writeStartObject()
            .write("type", problem.type())
            .write("title", problem.title())
            .write("status", problem.status())
            .write("detail", problem.detail())
            .write("code", problem.code())
            .writeEnd();
      }
    } else {
      response.setContentType("text/html");
      String title =
          status >= 500
              ? "Something went wrong"
              : status == 404 ? "Nothing here" : "This request cannot be served";
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><title>"
                  + title
                  + "</title></head><body><h1>"
                  + title
                  + "</h1><p>Error "
                  + status
                  + ".</p><p><a href=\""
                  + request.getContextPath()
                  + "/dashboard/\">Back to the Dashboard</a></p></body></html>");
    }
  }
}
