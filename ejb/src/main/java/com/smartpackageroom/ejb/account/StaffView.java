package com.smartpackageroom.ejb.account;

import com.smartpackageroom.domain.account.Account;

/**
 * A portal account as User Admin shows it; {@code locked} after too many failed sign-ins, {@code
 * authenticatorApp} when it signs in with an authenticator app.
 */
public record StaffView(
    Long id,
    String email,
    String firstName,
    String lastName,
    String role,
    String status,
    boolean locked,
    boolean authenticatorApp) {

  public static StaffView of(Account a) {
    return new StaffView(
        a.getId(),
        a.getEmail(),
        a.getFirstName(),
        a.getLastName(),
        a.getRole().name(),
        a.getStatus().name(),
        a.isLocked(),
        a.hasAuthenticatorApp());
  }
}
