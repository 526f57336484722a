package com.smartpackageroom.ejb.account;

import com.smartpackageroom.ejb.crypto.Tokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes of portal accounts: Jakarta Security's PBKDF2 with HMAC-SHA256 and at least 600
 * 000 iterations (OWASP's figure for it). A sign-in for an unknown email is checked against a hash
 * of nothing, so that it takes as long as a wrong password.
 */
@ApplicationScoped
public class Passwords {

  public static final int MIN_ITERATIONS = 600_000;

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "spr.portal.password-iterations", defaultValue = "600000")
  int iterations;

  private String hashOfNothing;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(iterations, MIN_ITERATIONS)),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    hashOfNothing = pbkdf2.generate(Tokens.random("", 24).toCharArray());
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  /** Whether the password is the hashed one; with no hash, as slow as a wrong password. */
  public boolean matches(String password, String storedHash) {
    char[] typed = password == null ? new char[0] : password.toCharArray();
    if (storedHash == null) {
      pbkdf2.verify(typed, hashOfNothing);
      return false;
    }
    return pbkdf2.verify(typed, storedHash);
  }
}
