package com.smartpackageroom.ejb.mfa;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.ejb.security.Caller;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Who signed in to the portal, as the session keeps it. {@code credentials} stands for the
 * account's password as it was at sign-in (a digest of its stored hash, never the hash): a session
 * whose account has had its password changed or reset since ends.
 */
public record PortalIdentity(
    Long accountId,
    String email,
    String firstName,
    String lastName,
    Role role,
    Set<Long> siteIds,
    String credentials)
    implements Serializable {

  public PortalIdentity {
    siteIds = Set.copyOf(siteIds);
  }

  public static PortalIdentity of(Account account) {
    return new PortalIdentity(
        account.getId(),
        account.getEmail(),
        account.getFirstName(),
        account.getLastName(),
        account.getRole(),
        account.getSiteIds(),
        credentials(account.getPasswordHash()));
  }

  /**
   * Whether this session's password is still the account's (the one it is now, as given); a session
   * kept from before sessions knew it (no digest) is not.
   */
  public boolean sameCredentials(PortalIdentity now) {
    return credentials != null && credentials.equals(now.credentials);
  }

  /** The digest that stands for the account's password as it is now. */
  static String credentials(String passwordHash) {
    if (passwordHash == null) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(passwordHash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }

  public Caller caller() {
    return Caller.account(accountId, role, siteIds);
  }

  public String displayName() {
    return firstName + " " + lastName;
  }
}
