package com.smartpackageroom.web.api;

import com.smartpackageroom.ejb.kiosk.KioskTokens;
import com.smartpackageroom.ejb.kiosk.SignInFastPath;
import com.smartpackageroom.ejb.security.ApiTokenAuthenticator;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * Bearer tokens: an API token for /api/v1 (its caller becomes the request's principal), a kiosk
 * token for /api/kiosk/v1 (a token no kiosk holds is refused here, before the body is read; the
 * kiosk services check it again against the database). 401 without one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @EJB ApiTokenAuthenticator authenticator;

  @Inject SignInFastPath kiosks;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    Optional<String> token = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (path.startsWith("kiosk/")) {
      if (token.isEmpty()) {
        request.abortWith(
            Problem.response(
                401, "invalid-kiosk-token", "Authorization: Bearer <kiosk token> is required"));
      } else if (!kiosks.isKioskToken(token.get())) {
        request.abortWith(
            Problem.response(
                401, "invalid-kiosk-token", KioskTokens.unauthenticated().getMessage()));
      }
      return;
    }
    if (!path.startsWith("v1")) {
      return;
    }
    Optional<Caller> caller = token.flatMap(authenticator::authenticate);
    if (caller.isEmpty()) {
      request.abortWith(
          Problem.response(
              401,
              "unauthorized",
              token.isEmpty()
                  ? "Authorization: Bearer <api token> is required"
                  : "The API token is not valid or was revoked"));
      return;
    }
    CallerPrincipal principal = new CallerPrincipal(caller.get());
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return principal.caller().role().name().equals(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }
}
