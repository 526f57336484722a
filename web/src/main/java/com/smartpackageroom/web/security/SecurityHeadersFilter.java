package com.smartpackageroom.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that keep the portal's pages from being framed, sniffed, cached or leaking their address
 * (which may hold an invitation's token). PrimeFaces' CSP mode adds its own Content-Security-Policy
 * with the page's script nonce; this one adds what it leaves out. Browsers enforce both.
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  static final String POLICY =
      "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.addHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/resources/")) {
      // a page or an answer may show a PIN, a token or a person: not kept by the browser (the
      // Back button after Sign Out) nor by a proxy; scripts, styles and images may be
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
