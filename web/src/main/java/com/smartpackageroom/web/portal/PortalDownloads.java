package com.smartpackageroom.web.portal;

import com.smartpackageroom.batch.imports.ImportService;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.audit.AuditFilter;
import com.smartpackageroom.ejb.audit.AuditQueries;
import com.smartpackageroom.ejb.mfa.PortalIdentity;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.web.security.PortalSession;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's CSV downloads, for the signed-in session (the APIs take bearer tokens): an import's
 * skipped lines ({@code /downloads/imports/{id}/skipped-lines.csv}, as GET
 * /api/v1/imports/{id}/errors.csv) and the chosen site's audit log with the Audit log page's
 * filters ({@code /downloads/audit-events.csv?from&to&actor&kioskId&type}, as GET
 * /api/v1/sites/{id}/audit-events.csv). The same services write them; a GET changes nothing.
 */
@WebServlet("/downloads/*")
public class PortalDownloads extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern SKIPPED_LINES =
      Pattern.compile("/imports/([0-9]{1,18})/skipped-lines\\.csv");

  @EJB ImportService imports;

  @EJB AuditQueries audit;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PortalIdentity identity = PortalSession.identity(request);
    if (identity == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in first");
      return;
    }
    Caller caller = identity.caller();
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    try {
      Matcher skipped = SKIPPED_LINES.matcher(path);
      if (skipped.matches()) {
        Long importId = Long.valueOf(skipped.group(1));
        // checked before the answer starts, so that a refusal is still a plain answer
        long count = imports.skippedLines(caller, importId);
        response.setHeader("X-Total-Count", String.valueOf(count));
        csv(
            response,
            "import-" + importId + "-skipped-lines.csv",
            out -> imports.exportErrorsCsv(caller, importId, out));
      } else if (path.equals("/audit-events.csv")) {
        Long siteId = PortalSession.site(request);
        AuditFilter filter =
            AuditFilter.parse(
                request.getParameter("from"),
                request.getParameter("to"),
                request.getParameter("actor"),
                request.getParameter("kioskId"),
                request.getParameter("type"));
        long total = audit.count(caller, siteId, filter);
        response.setHeader("X-Total-Count", String.valueOf(total));
        csv(
            response,
            "audit-site-" + siteId + ".csv",
            out -> audit.exportCsv(caller, siteId, filter, out));
      } else {
        refuse(response, HttpServletResponse.SC_NOT_FOUND, "There is no such download");
      }
    } catch (DomainException e) {
      // another site's import is "not found" as the API says it, never its content
      refuse(response, e.reason().httpStatus(), e.getMessage());
    }
  }

  private static void csv(HttpServletResponse response, String fileName, Consumer<Writer> writeTo)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    response.setHeader("Cache-Control", "no-store");
    Writer writer =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
    writeTo.accept(writer);
    writer.flush();
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(message);
  }
}
