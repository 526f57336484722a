package com.smartpackageroom.web.api;

import java.util.Optional;

/** The token of an "Authorization: Bearer ..." header. */
public final class BearerToken {

  private static final String PREFIX = "bearer ";

  private BearerToken() {}

  public static Optional<String> from(String authorization) {
    if (authorization == null
        || authorization.length() <= PREFIX.length()
        || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(PREFIX.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
