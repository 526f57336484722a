package com.smartpackageroom.ejb.platform;

import com.smartpackageroom.domain.contact.EmailAddresses;
import com.smartpackageroom.domain.contact.PhoneNumbers;
import com.smartpackageroom.domain.shared.DomainException;

/** Checks of the text fields people type, naming the field in every refusal. */
public final class Fields {

  private Fields() {}

  public static String required(String field, String value, int maxLength) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      throw DomainException.invalid(field + " is required");
    }
    return limited(field, trimmed, maxLength);
  }

  /** The trimmed value, or null when it is absent or blank. */
  public static String optional(String field, String value, int maxLength) {
    String trimmed = value == null ? "" : value.strip();
    return trimmed.isEmpty() ? null : limited(field, trimmed, maxLength);
  }

  public static String optionalEmail(String field, String value) {
    String trimmed = optional(field, value, 320);
    return trimmed == null ? null : EmailAddresses.normalize(field, trimmed);
  }

  public static String optionalPhone(String field, String value, String region) {
    String trimmed = optional(field, value, 40);
    return trimmed == null ? null : PhoneNumbers.toE164(field, trimmed, region);
  }

  private static String limited(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw DomainException.invalid(field + " must be at most " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw DomainException.invalid(field + " must not contain control characters");
      }
    }
    return value;
  }
}
