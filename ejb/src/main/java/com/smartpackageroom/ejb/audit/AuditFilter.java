package com.smartpackageroom.ejb.audit;

import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.platform.Fields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the audit log is filtered by; every part is optional. {@code from} is inclusive, {@code to}
 * exclusive; {@code actor} is who acted as the log names them ("account:12", "kiosk:3",
 * "system:…").
 */
public record AuditFilter(
    Instant from, Instant to, String actor, Long kioskId, AuditEventType type) {

  public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

  public AuditFilter {
    if (from != null && to != null && !from.isBefore(to)) {
      throw DomainException.invalid("from must be before to");
    }
  }

  /**
   * The filter as the API's query parameters and the portal's fields give it, each refused with 400
   * invalid-request naming the parameter when malformed.
   */
  public static AuditFilter parse(
      String from, String to, String actor, String kioskId, String type) {
    return new AuditFilter(
        instant("from", from),
        instant("to", to),
        Fields.optional("actor", actor, 100),
        id("kioskId", kioskId),
        type(type));
  }

  private static Instant instant(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Instant parsed;
    try {
      parsed = OffsetDateTime.parse(raw.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          name + " must be an ISO-8601 date and time with an offset, such as 2026-11-22T18:00:00Z");
    }
    // the years a database stores (PostgreSQL's timestamps end in 294276, H2's in 999999999; a
    // date beyond them was a 500)
    if (parsed.isBefore(FIRST) || parsed.isAfter(LAST)) {
      throw DomainException.invalid(name + " must be a date between the years 1 and 9999");
    }
    return parsed;
  }

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static Long id(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name + " must be a whole number");
    }
  }

  private static AuditEventType type(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return AuditEventType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "type must be one of "
              + Arrays.stream(AuditEventType.values())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }
}
