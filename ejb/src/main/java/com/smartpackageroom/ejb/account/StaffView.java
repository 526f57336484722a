package com.smartpackageroom.ejb.account;

import com.smartpackageroom.domain.account.Account;

public record StaffView(
    Long id, String email, String firstName, String lastName, String role, String status) {

  public static StaffView of(Account a) {
    return new StaffView(
        a.getId(),
        a.getEmail(),
        a.getFirstName(),
        a.getLastName(),
        a.getRole().name(),
        a.getStatus().name());
  }
}
