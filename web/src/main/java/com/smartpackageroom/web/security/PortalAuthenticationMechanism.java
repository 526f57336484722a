package com.smartpackageroom.web.security;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.mfa.MfaService;
import com.smartpackageroom.ejb.mfa.PortalIdentity;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's sign-in for Jakarta Security. The two steps (password, then a code) are the
 * MfaService's; once both passed, the Faces bean asks for a login with a {@link VerifiedSignIn},
 * and this mechanism opens the session: a new session id (no fixation), at most {@code
 * spr.portal.session-max} long and {@code spr.portal.session-idle} idle. Every later request of the
 * session is the same caller. A portal page asked for without a session goes to Secure Sign-In. The
 * APIs authenticate by their own bearer tokens and are left alone here.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SIGN_IN_PAGE = "/signin/";

  /** What anyone may open: the sign-in pages, static resources, the APIs and the server's own. */
  private static final List<String> PUBLIC_PREFIXES =
      List.of(
          "/signin/",
          "/jakarta.faces.resource/",
          "/api/",
          "/dev/",
          "/health",
          "/openapi",
          "/metrics",
          "/error-page",
          "/error.xhtml",
          "/favicon.ico");

  /**
   * How often a session's account is looked at again: a disabled, locked or changed account counts
   * from the next request after this, not from the session's end.
   */
  static final Duration RECHECK_EVERY = Duration.ofSeconds(5);

  static final String CHECKED_AT = "spr.portal.checked-at";

  @Inject IdentityStoreHandler identityStores;

  @EJB MfaService mfa;

  @Inject
  @ConfigProperty(name = "spr.portal.session-max", defaultValue = "PT12H")
  Duration sessionMax;

  @Inject
  @ConfigProperty(name = "spr.portal.session-idle", defaultValue = "PT30M")
  Duration sessionIdle;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential() instanceof VerifiedSignIn signIn) {
      return open(request, response, context, signIn);
    }
    HttpSession session = request.getSession(false);
    PortalIdentity identity = session == null ? null : PortalSession.identity(request);
    if (identity != null) {
      Instant since = PortalSession.signedInAt(session);
      if (since != null && Instant.now().isBefore(since.plus(sessionMax))) {
        identity = current(session, identity);
        if (identity != null) {
          return context.notifyContainerAboutLogin(
              identity.email(), Set.of(identity.role().name()));
        }
      }
      session.invalidate();
    }
    if (isPublic(request)) {
      return context.doNothing();
    }
    return toSignIn(request, response, context);
  }

  /**
   * The session's identity as the account is now (looked at again every {@link #RECHECK_EVERY}):
   * null once the account may no longer sign in (disabled, locked, removed).
   */
  private PortalIdentity current(HttpSession session, PortalIdentity identity) {
    Instant now = Instant.now();
    Instant checked = (Instant) session.getAttribute(CHECKED_AT);
    if (checked != null && now.isBefore(checked.plus(RECHECK_EVERY))) {
      return identity;
    }
    PortalIdentity current;
    try {
      current = mfa.identity(identity.accountId());
    } catch (DomainException refused) {
      return null;
    }
    if (!identity.sameCredentials(current)) {
      // the password was changed or reset since this session signed in: whoever holds the
      // session must sign in with the new one (the session that changed it was renewed)
      return null;
    }
    session.setAttribute(PortalSession.IDENTITY, current);
    session.setAttribute(CHECKED_AT, now);
    Long site = (Long) session.getAttribute(PortalSession.SITE);
    if (site != null && !current.siteIds().isEmpty() && !current.siteIds().contains(site)) {
      session.setAttribute(
          PortalSession.SITE, current.siteIds().stream().sorted().findFirst().get());
    }
    return current;
  }

  private AuthenticationStatus open(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      VerifiedSignIn signIn) {
    CredentialValidationResult result = identityStores.validate(signIn);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return context.responseUnauthorized();
    }
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    sameSiteCookie(request, response, session);
    session.setMaxInactiveInterval((int) sessionIdle.toSeconds());
    session.setAttribute(PortalSession.IDENTITY, signIn.identity());
    session.setAttribute(PortalSession.SIGNED_IN_AT, Instant.now());
    session.setAttribute(CHECKED_AT, Instant.now());
    if (!signIn.identity().siteIds().isEmpty()) {
      session.setAttribute(
          PortalSession.SITE, signIn.identity().siteIds().stream().sorted().findFirst().get());
    }
    return context.notifyContainerAboutLogin(result);
  }

  /**
   * The signed-in session's cookie once more, with SameSite=Lax: Payara writes the session cookie
   * without it whatever SessionCookieConfig says, and a browser keeps the last cookie it is sent.
   */
  private static void sameSiteCookie(
      HttpServletRequest request, HttpServletResponse response, HttpSession session) {
    SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
    String name = config.getName() == null ? "JSESSIONID" : config.getName();
    String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    response.addHeader(
        "Set-Cookie",
        name
            + "="
            + session.getId()
            + "; Path="
            + path
            + "; HttpOnly; SameSite=Lax"
            + (config.isSecure() ? "; Secure" : ""));
  }

  private static boolean isPublic(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /** To Secure Sign-In; a Faces ajax request is told in the form its script understands. */
  private static AuthenticationStatus toSignIn(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String target = request.getContextPath() + SIGN_IN_PAGE;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      try {
        response.setContentType("text/xml;charset=UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target
                    + "\"/></partial-response>");
      } catch (IOException e) {
        // the client went away
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.redirect(target);
  }
}
