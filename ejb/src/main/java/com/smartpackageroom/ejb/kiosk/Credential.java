package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.PinPolicy;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.KeyValues;

/** What a person presents at a kiosk: a PIN, a scanned QR token or a key card's UID. */
public record Credential(AccessKeyType type, String value) {

  public static final int MAX_LENGTH = 200;

  public Credential {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field(type) + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw DomainException.invalid(field(type) + " is too long");
    }
    switch (type) {
      case PIN -> {
        if (!PinPolicy.isWellFormed(value)) {
          throw DomainException.invalid("pin must be exactly 6 digits");
        }
      }
      case KEY_CARD -> {
        value = KeyValues.normalizeCard(value);
        if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
          throw DomainException.invalid(
              "card must be the card's UID as the reader gives it (no control characters)");
        }
      }
      case QR -> value = value.strip();
    }
  }

  /** How the audit log describes a sign-in with this kind of credential. */
  public String signInDetail() {
    return "sign-in by " + field(type);
  }

  public static String field(AccessKeyType type) {
    return switch (type) {
      case PIN -> "pin";
      case QR -> "qr";
      case KEY_CARD -> "card";
    };
  }
}
