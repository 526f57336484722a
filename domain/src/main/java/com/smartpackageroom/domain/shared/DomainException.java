package com.smartpackageroom.domain.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * A refusal the caller can act on: carries the stable machine-readable code of the APIs and the
 * kind of refusal, from which the web layer picks the HTTP status. The message is shown to users,
 * so it never holds a secret.
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final String code;
  private final Duration retryAfter;

  public DomainException(Reason reason, String code, String message) {
    this(reason, code, message, null);
  }

  public DomainException(Reason reason, String code, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.reason = reason;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public static DomainException invalid(String message) {
    return new DomainException(Reason.INVALID, "invalid-request", message);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Reason.NOT_FOUND, "not-found", message);
  }

  public static DomainException forbidden(String message) {
    return new DomainException(Reason.FORBIDDEN, "forbidden", message);
  }

  public static DomainException conflict(String code, String message) {
    return new DomainException(Reason.CONFLICT, code, message);
  }

  public Reason reason() {
    return reason;
  }

  public String code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
