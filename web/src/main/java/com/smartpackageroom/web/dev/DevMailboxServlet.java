package com.smartpackageroom.web.dev;

import com.smartpackageroom.ejb.notification.Html;
import com.smartpackageroom.ejb.notification.Message;
import com.smartpackageroom.ejb.notification.delivery.DevMailbox;
import com.smartpackageroom.ejb.notification.delivery.Outgoing;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.Optional;

/**
 * The developer mailbox at /dev/mailbox (only with spr.mail.dev-mailbox=true; otherwise 404): the
 * newest messages of the outbox, and each one as its recipient would see it.
 */
@WebServlet("/dev/mailbox/*")
public class DevMailboxServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final int SHOWN = 200;

  @EJB private transient DevMailbox mailbox;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!mailbox.enabled()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
    if (path.equals("/") || path.isEmpty()) {
      list(request, response.getWriter());
      return;
    }
    long id;
    try {
      id = Long.parseLong(path.substring(1));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Optional<DevMailbox.Letter> letter = mailbox.find(id);
    if (letter.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    show(request, letter.get(), response.getWriter());
  }

  private void list(HttpServletRequest request, PrintWriter out) {
    head(out, "Developer mailbox");
    out.println("<h1>Developer mailbox</h1>");
    out.println(
        "<p class=\"note\">Every message of the outbox, newest first, as it would arrive."
            + " Only for development (spr.mail.dev-mailbox): it shows PINs.</p>");
    out.println(
        "<table><thead><tr><th>#</th><th>Created</th><th>To</th><th>Channel</th><th>Kind</th>"
            + "<th>Subject or text</th><th>Status</th><th>Tries</th></tr></thead><tbody>");
    for (DevMailbox.Letter l : mailbox.latest(SHOWN)) {
      Outgoing m = l.message();
      String summary = m.subject() != null ? m.subject() : m.text();
      out.printf(
          "<tr><td><a href=\"%s/dev/mailbox/%d\">%d</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
              + "<td><a href=\"%s/dev/mailbox/%d\">%s</a></td><td>%s</td><td>%d</td></tr>%n",
          request.getContextPath(),
          m.id(),
          m.id(),
          l.createdAt(),
          esc(m.to()),
          m.channel(),
          l.kind(),
          request.getContextPath(),
          m.id(),
          esc(summary.length() > 90 ? summary.substring(0, 90) + "…" : summary),
          l.status(),
          l.attempts());
    }
    out.println("</tbody></table></body></html>");
  }

  private void show(HttpServletRequest request, DevMailbox.Letter letter, PrintWriter out) {
    Outgoing m = letter.message();
    head(out, "Message " + m.id());
    out.printf(
        "<p><a href=\"%s/dev/mailbox/\">&larr; Developer mailbox</a></p>%n",
        request.getContextPath());
    out.printf("<h1>%s</h1>%n", esc(m.subject() != null ? m.subject() : "Text message"));
    out.printf(
        "<p>To <strong>%s</strong> by %s &middot; %s &middot; %s after %d tries &middot; created %s</p>%n",
        esc(m.to()),
        m.channel(),
        letter.kind(),
        letter.status(),
        letter.attempts(),
        letter.createdAt());
    if (m.html() != null) {
      String html = m.html();
      if (m.qrPng() != null) {
        html =
            html.replace(
                "cid:" + Message.QR_CONTENT_ID,
                "data:image/png;base64," + Base64.getEncoder().encodeToString(m.qrPng()));
      }
      out.println("<h2>HTML</h2>");
      out.printf(
          "<iframe sandbox title=\"HTML part\" srcdoc=\"%s\" style=\"width:100%%;height:560px;border:1px solid #ccc\"></iframe>%n",
          esc(html));
    }
    out.println(m.channel().name().equals("SMS") ? "<h2>Text message</h2>" : "<h2>Plain text</h2>");
    out.printf("<pre>%s</pre>%n", esc(m.text()));
    out.println("</body></html>");
  }

  private static void head(PrintWriter out, String title) {
    out.println(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + esc(title)
            + "</title><style>body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}"
            + ".note{color:#a40}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}</style></head><body>");
  }

  private static String esc(String s) {
    return Html.escape(s);
  }
}
