package com.smartpackageroom.domain.account;

import java.time.Duration;

/** What an emailed account link is for, and how long it works. */
public enum LinkPurpose {
  INVITATION(Duration.ofHours(72)),
  PASSWORD_RESET(Duration.ofHours(1)),
  EMAIL_CONFIRMATION(Duration.ofHours(72));

  private final Duration validity;

  LinkPurpose(Duration validity) {
    this.validity = validity;
  }

  public Duration validity() {
    return validity;
  }
}
