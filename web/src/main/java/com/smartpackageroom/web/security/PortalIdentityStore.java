package com.smartpackageroom.web.security;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.mfa.MfaService;
import com.smartpackageroom.ejb.mfa.PortalIdentity;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Turns a verified sign-in into the container's caller, after checking once more that the account
 * may sign in (it may have been locked or disabled between the code and now).
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

  @EJB MfaService mfa;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof VerifiedSignIn signIn)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    try {
      PortalIdentity identity = mfa.identity(signIn.identity().accountId());
      return new CredentialValidationResult(identity.email(), Set.of(identity.role().name()));
    } catch (DomainException e) {
      return CredentialValidationResult.INVALID_RESULT;
    }
  }
}
