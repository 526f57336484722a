package com.smartpackageroom.domain.account;

public enum AccountStatus {
  /** Invited; has not set a password yet. */
  INVITED,
  ACTIVE,
  DISABLED
}
