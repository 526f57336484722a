package com.smartpackageroom.ejb.account;

import com.smartpackageroom.domain.account.Account;
import java.util.Set;

/** My Account: who I am and how I sign in. */
public record AccountView(
    Long id,
    String email,
    String firstName,
    String lastName,
    String role,
    boolean emailConfirmed,
    boolean authenticatorApp,
    boolean locked,
    Set<Long> siteIds) {

  public static AccountView of(Account a) {
    return new AccountView(
        a.getId(),
        a.getEmail(),
        a.getFirstName(),
        a.getLastName(),
        a.getRole().name(),
        a.getEmailConfirmedAt() != null,
        a.hasAuthenticatorApp(),
        a.isLocked(),
        a.getSiteIds());
  }

  public String displayName() {
    return firstName + " " + lastName;
  }
}
