package com.smartpackageroom.domain.shared;

import java.time.Duration;

/**
 * A refusal whose traces must be kept: the transaction that records a failed sign-in or a counted
 * request commits although the request is refused.
 */
public class RecordedRefusal extends DomainException {

  private static final long serialVersionUID = 1L;

  public RecordedRefusal(Reason reason, String code, String message) {
    super(reason, code, message);
  }

  public RecordedRefusal(Reason reason, String code, String message, Duration retryAfter) {
    super(reason, code, message, retryAfter);
  }
}
