package com.smartpackageroom.domain.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.smartpackageroom.domain.shared.DomainException;
import java.util.Optional;

/** Phone numbers as people type them, stored and compared in E.164. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * The E.164 form of a number written nationally for {@code region} (an ISO country code such as
   * US) or internationally with a leading +.
   *
   * @throws DomainException (invalid-request, naming {@code field}) when it is no valid number
   */
  public static String toE164(String field, String raw, String region) {
    return parse(raw, region)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    field + " is not a valid phone number for " + region + ": " + abbreviate(raw)));
  }

  /** The E.164 form, or empty when {@code raw} is no valid number. */
  public static Optional<String> parse(String raw, String region) {
    if (raw == null || raw.isBlank() || raw.length() > 40) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(raw.trim(), region);
      if (!UTIL.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code region} is a country libphonenumber knows. */
  public static boolean isKnownRegion(String region) {
    return region != null && UTIL.getSupportedRegions().contains(region);
  }

  private static String abbreviate(String raw) {
    return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
  }
}
