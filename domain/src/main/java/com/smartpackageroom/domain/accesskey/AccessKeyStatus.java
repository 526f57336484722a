package com.smartpackageroom.domain.accesskey;

public enum AccessKeyStatus {
  ACTIVE,
  /** Kept, cannot be used, can be reactivated. */
  INACTIVE,
  /** Removed for good: a PIN value is never issued again at the site. */
  DELETED
}
