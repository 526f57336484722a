package com.smartpackageroom.web.security;

import com.smartpackageroom.ejb.mfa.PortalIdentity;
import jakarta.security.enterprise.credential.Credential;

/**
 * The proof that both steps of the sign-in passed: made only by {@link PortalSignIn} with what
 * {@code MfaService} returned for a right code, never from anything a browser sends.
 */
final class VerifiedSignIn implements Credential {

  private final PortalIdentity identity;

  VerifiedSignIn(PortalIdentity identity) {
    this.identity = identity;
  }

  PortalIdentity identity() {
    return identity;
  }
}
