package com.smartpackageroom.ejb.account;

import com.smartpackageroom.domain.account.ApiToken;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;

/** An API token; {@code token} is present only in the answer that creates it. */
public record ApiTokenView(
    Long id, Long accountId, String name, String token, Instant createdAt, Instant revokedAt) {

  public static ApiTokenView of(ApiToken t, String token) {
    return new ApiTokenView(
        t.getId(),
        t.getAccount().getId(),
        t.getName(),
        token,
        Times.instant(t.getCreatedAt()),
        Times.instant(t.getRevokedAt()));
  }
}
