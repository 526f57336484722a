package com.smartpackageroom.ejb.security;

import com.smartpackageroom.domain.account.ApiToken;
import com.smartpackageroom.ejb.crypto.Tokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a management API bearer token into a caller: the bootstrap token (spr.bootstrap.api-token,
 * honoured only while it is set) or a token an administrator created, found by its hash.
 */
@Stateless
public class ApiTokenAuthenticator {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "spr.bootstrap.api-token")
  Optional<String> bootstrapToken;

  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 512) {
      return Optional.empty();
    }
    Optional<String> bootstrap = bootstrapToken.map(String::trim).filter(t -> !t.isEmpty());
    if (bootstrap.isPresent() && Tokens.sameSecret(bootstrap.get(), token)) {
      return Optional.of(Caller.bootstrap());
    }
    return em.createQuery(
            "SELECT t FROM ApiToken t JOIN FETCH t.account WHERE t.tokenHash = :hash",
            ApiToken.class)
        .setParameter("hash", Tokens.sha256(token))
        .getResultStream()
        .findFirst()
        .filter(t -> !t.isRevoked() && t.getAccount().isEnabled())
        .map(
            t ->
                Caller.account(
                    t.getAccount().getId(), t.getAccount().getRole(), t.getAccount().getSiteIds()));
  }
}
