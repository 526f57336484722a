package com.smartpackageroom.web.api;

import com.smartpackageroom.domain.shared.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal of the services, as problem+json with its code. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    return Problem.response(
        e.reason().httpStatus(), e.code(), e.getMessage(), e.retryAfter().orElse(null));
  }
}
