package com.smartpackageroom.ejb.mfa;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.ejb.security.Caller;
import java.io.Serializable;
import java.util.Set;

/** Who signed in to the portal, as the session keeps it. */
public record PortalIdentity(
    Long accountId, String email, String firstName, String lastName, Role role, Set<Long> siteIds)
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
        account.getSiteIds());
  }

  public Caller caller() {
    return Caller.account(accountId, role, siteIds);
  }

  public String displayName() {
    return firstName + " " + lastName;
  }
}
