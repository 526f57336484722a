package com.smartpackageroom.web.api;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.platform.Database;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: JAX-RS's own errors keep their status, a concurrent change (an optimistic lock,
 * a duplicate that a parallel request inserted first) becomes 409, and a real fault (an integrity
 * error such as a missing reference or a null, the database down, a bug) becomes a 500 problem with
 * an incident id; the stack trace goes to the log only, with the same incident id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable e = unwrap(thrown);
    if (e instanceof DomainException d) {
      return new DomainExceptionMapper().toResponse(d);
    }
    if (e instanceof WebApplicationException w) {
      return fromStatus(w.getResponse().getStatus());
    }
    if (isUnknownCharset(e)) {
      return Problem.response(
          400,
          "invalid-request",
          "The charset named in the Content-Type header is not supported: send UTF-8");
    }
    if (isTransientDatabaseRefusal(e)) {
      LOG.log(Level.INFO, "The database refused a transaction for now: " + e);
      return Problem.response(
          503, "busy", "The server is busy: try again in a moment", Duration.ofSeconds(2));
    }
    if (isConcurrentChange(e)) {
      LOG.log(Level.INFO, "A concurrent change was refused: " + e);
      return Problem.response(
          409, "conflict", "Someone changed this at the same moment; try again");
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, thrown);
    return Problem.response(
        500, "internal-error", "Something went wrong on our side (incident " + incident + ")");
  }

  static Response fromStatus(int status) {
    return switch (status) {
      case 400 -> Problem.response(400, "invalid-request", "The request is not valid");
      case 401 -> Problem.response(401, "unauthorized", "A valid bearer token is required");
      case 403 -> Problem.response(403, "forbidden", "You may not do this");
      case 404 -> Problem.response(404, "not-found", "There is nothing at this address");
      case 405 -> Problem.response(405, "method-not-allowed", "This method is not allowed here");
      case 406 -> Problem.response(406, "not-acceptable", "This media type cannot be produced");
      case 415 ->
          Problem.response(415, "unsupported-media-type", "This content type is not accepted here");
      default ->
          status >= 500
              ? Problem.response(status, "internal-error", "Something went wrong on our side")
              : Problem.response(status, "invalid-request", "The request cannot be served");
    };
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof EJBException
            || current instanceof jakarta.transaction.RollbackException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** A body whose Content-Type names a charset this server does not know (or a malformed one). */
  private static boolean isUnknownCharset(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
        return true;
      }
    }
    return false;
  }

  /** A deadlock, a serialisation failure or a lock timeout: the same request may succeed later. */
  private static boolean isTransientDatabaseRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && java.util.Set.of("40P01", "40001", "55P03", "HYT00").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConcurrentChange(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
    }
    return Database.isUniqueViolation(e, null);
  }
}
