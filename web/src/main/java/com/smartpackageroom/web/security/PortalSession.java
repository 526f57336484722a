package com.smartpackageroom.web.security;

import com.smartpackageroom.ejb.mfa.PortalIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;

/** What a signed-in portal session keeps in the HTTP session, under names of its own. */
public final class PortalSession {

  static final String IDENTITY = "spr.portal.identity";
  static final String SIGNED_IN_AT = "spr.portal.signedInAt";
  static final String SITE = "spr.portal.site";

  private PortalSession() {}

  public static PortalIdentity identity(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (PortalIdentity) session.getAttribute(IDENTITY);
  }

  static Instant signedInAt(HttpSession session) {
    return (Instant) session.getAttribute(SIGNED_IN_AT);
  }

  public static Long site(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (Long) session.getAttribute(SITE);
  }

  public static void chooseSite(HttpServletRequest request, Long siteId) {
    request.getSession().setAttribute(SITE, siteId);
  }

  /**
   * The signed-in session goes on with the account as it is now (after its own password change: the
   * other sessions of the account end, this one does not).
   */
  public static void renew(HttpServletRequest request, PortalIdentity now) {
    HttpSession session = request.getSession(false);
    try {
      if (session != null && session.getAttribute(IDENTITY) != null) {
        session.setAttribute(IDENTITY, now);
      }
    } catch (IllegalStateException ended) {
      // ended meanwhile by another request of it that saw the new password first: signed out
    }
  }
}
