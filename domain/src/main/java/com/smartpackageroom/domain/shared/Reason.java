package com.smartpackageroom.domain.shared;

/** Why a request was refused; each maps to one HTTP status. */
public enum Reason {
  INVALID(400),
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  TOO_LARGE(413),
  UNPROCESSABLE(422),
  TOO_MANY_REQUESTS(429),
  UNAVAILABLE(503);

  private final int httpStatus;

  Reason(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
