package com.smartpackageroom.web.portal;

import com.smartpackageroom.domain.shared.DomainException;
import java.util.Map;

/**
 * A service's refusal shown beside the field it is about. The services name the API's field first
 * ("timeZone is not a known time zone"); the portal shows the field's label in its place.
 */
public final class FieldErrors {

  /** A field of a form: its client id and its visible label. */
  public record Field(String clientId, String label) {}

  private FieldErrors() {}

  /**
   * Shows the refusal beside the field it names, or beside {@code fallback} (a client id; null for
   * the top of the page) when it names none.
   */
  public static void show(DomainException e, Map<String, Field> fields, String fallback) {
    String message = e.getMessage() == null ? "This was refused." : e.getMessage();
    for (Map.Entry<String, Field> field : fields.entrySet()) {
      String name = field.getKey();
      if (message.startsWith(name + " ")) {
        Messages.error(
            field.getValue().clientId(),
            field.getValue().label() + message.substring(name.length()) + ".");
        return;
      }
    }
    Messages.error(fallback, message.endsWith(".") ? message : message + ".");
  }
}
