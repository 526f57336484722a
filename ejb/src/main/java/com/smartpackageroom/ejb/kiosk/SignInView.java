package com.smartpackageroom.ejb.kiosk;

import java.time.Instant;

/** The answer to a successful kiosk sign-in. */
public record SignInView(String sessionToken, Instant expiresAt, HolderView holder) {

  public record HolderView(String kind, String displayName) {}
}
