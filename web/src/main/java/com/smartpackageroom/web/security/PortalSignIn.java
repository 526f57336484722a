package com.smartpackageroom.web.security;

import com.smartpackageroom.ejb.mfa.PortalIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Opens and closes portal sessions through Jakarta Security, for the Faces beans. */
@RequestScoped
public class PortalSignIn {

  @Inject SecurityContext security;

  @Inject ExternalContext external;

  /** After a right code: the container's login, in a new session id. */
  public boolean complete(PortalIdentity identity) {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams().credential(new VerifiedSignIn(identity)));
    return status == AuthenticationStatus.SUCCESS;
  }

  /** "Sign Out": the container forgets the caller and the session ends. */
  public void signOut() {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    try {
      request.logout();
    } catch (ServletException e) {
      // the session below ends all the same
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
