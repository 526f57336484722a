package com.smartpackageroom.web.api;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON request body read field by field, so that every missing or malformed field is refused with
 * 400 invalid-request naming it. Unknown fields are ignored.
 */
public final class JsonBody {

  public static final int MAX_LENGTH = 64 * 1024;

  private final JsonObject object;

  private JsonBody(JsonObject object) {
    this.object = object;
  }

  // Json.createReader looks its provider up (a ServiceLoader scan) on every call; a field given
  // twice is refused rather than one of its values silently taken
  private static final Map<String, ?> STRICT =
      Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE);

  private static final JsonReaderFactory READERS = Json.createReaderFactory(STRICT);

  private static final JsonParserFactory PARSERS = Json.createParserFactory(STRICT);

  public static JsonBody parse(String body) {
    if (body == null || body.isBlank()) {
      throw DomainException.invalid("The request body is required: a JSON object");
    }
    if (body.length() > MAX_LENGTH) {
      throw new DomainException(
          Reason.TOO_LARGE,
          "file-too-large",
          "The request body is larger than the " + MAX_LENGTH / 1024 + " KiB allowed");
    }
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      // JsonException for bad syntax or a field given twice, and others for input the parser
      // refuses (a number of more than a thousand digits, say)
      throw DomainException.invalid("The request body is not valid JSON");
    }
    if (!endsAfterOneValue(body)) {
      throw DomainException.invalid("The request body is not valid JSON: text follows the value");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.invalid("The request body must be a JSON object");
    }
    return new JsonBody(value.asJsonObject());
  }

  /** Whether nothing but white space follows the body's first value (the reader does not look). */
  private static boolean endsAfterOneValue(String body) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
      JsonParser.Event first = parser.next();
      if (first == JsonParser.Event.START_OBJECT) {
        parser.skipObject();
      } else if (first == JsonParser.Event.START_ARRAY) {
        parser.skipArray();
      }
      return !parser.hasNext();
    } catch (RuntimeException e) {
      return false;
    }
  }

  public boolean has(String field) {
    return object.containsKey(field)
        && object.get(field).getValueType() != JsonValue.ValueType.NULL;
  }

  public boolean present(String field) {
    return object.containsKey(field);
  }

  /** A string field, or null when absent or null. */
  public String string(String field) {
    return string(field, field);
  }

  private String string(String field, String shownAs) {
    if (!has(field)) {
      return null;
    }
    JsonValue value = object.get(field);
    if (value instanceof JsonString s) {
      return s.getString();
    }
    // a number is refused too: a PIN or a phone number sent as one has lost its leading zeros
    throw DomainException.invalid(shownAs + " must be a string");
  }

  public String requiredString(String field) {
    String value = string(field);
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field + " is required");
    }
    return value;
  }

  /**
   * For a change: null when the field is absent (leave as it is), empty when it is null or blank
   * (clear it), the value otherwise.
   */
  public Optional<String> change(String field) {
    if (!present(field)) {
      return null;
    }
    String value = string(field);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** A string field that may be changed but not cleared: null when absent. */
  public String changeRequired(String field) {
    if (!present(field)) {
      return null;
    }
    String value = string(field);
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field + " cannot be empty");
    }
    return value;
  }

  /** An object of strings (each null, absent or a string) by name; empty when absent or null. */
  public Map<String, String> stringsByName(String field) {
    if (!has(field)) {
      return Map.of();
    }
    if (!(object.get(field) instanceof JsonObject inner)) {
      throw DomainException.invalid(field + " must be a JSON object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : inner.keySet()) {
      values.put(name, new JsonBody(inner).string(name, field + "." + name));
    }
    return values;
  }

  /** An array of strings; empty when absent or null. */
  public List<String> strings(String field) {
    if (!has(field)) {
      return List.of();
    }
    if (!(object.get(field) instanceof JsonArray array)) {
      throw DomainException.invalid(field + " must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonValue value : array) {
      if (!(value instanceof JsonString s)) {
        throw DomainException.invalid(field + " must be an array of strings");
      }
      values.add(s.getString());
    }
    return values;
  }

  public Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonValue value = object.get(field);
    if (value == JsonValue.TRUE) {
      return true;
    }
    if (value == JsonValue.FALSE) {
      return false;
    }
    throw DomainException.invalid(field + " must be true or false");
  }

  public Long id(String field) {
    if (!has(field)) {
      return null;
    }
    JsonValue value = object.get(field);
    try {
      if (value instanceof JsonNumber n && n.isIntegral()) {
        return n.longValueExact();
      }
      if (value instanceof JsonString s) {
        return Long.parseLong(s.getString().strip());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // refused below
    }
    throw DomainException.invalid(field + " must be a whole number");
  }

  /** An ISO-8601 instant (2026-11-22T18:00:00Z or with an offset). */
  public Instant instant(String field) {
    String value = string(field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          field
              + " must be an ISO-8601 date and time with an offset, such as 2026-11-22T18:00:00Z");
    }
  }

  /** An enum constant by its name, refusing anything else with the allowed names. */
  public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
    String value = required ? requiredString(field) : string(field);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(constant.name());
      }
      throw DomainException.invalid(field + " must be one of " + names);
    }
  }
}
