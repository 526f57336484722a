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
    String plain = plainNanp(raw, region);
    if (plain != null) {
      PhoneNumber number =
          new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(plain));
      if (UTIL.isValidNumber(number)) {
        return Optional.of("+1" + plain);
      }
      // not valid as read here: libphonenumber has the last word (the answer is the same)
    }
    return parsedByLibphonenumber(raw, region);
  }

  /**
   * The fast path of {@link #parse} (an import checks a million numbers; libphonenumber's parse is
   * most of that work): a number of the North American plan written the plain ways (digits with
   * spaces, dashes, dots and parentheses; ten digits, or eleven after a national or international
   * 1), its ten digits; null for anything else, which libphonenumber parses. What it returns is
   * what libphonenumber's parse finds in the same text (PhoneNumbersTest compares the two on the
   * shapes people type and on random ones).
   */
  static String plainNanp(String raw, String region) {
    boolean plus = false;
    char[] digits = new char[11];
    int count = 0;
    int start = 0;
    int end = raw.length();
    while (start < end && raw.charAt(start) == ' ') {
      start++;
    }
    while (end > start && raw.charAt(end - 1) == ' ') {
      end--;
    }
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        if (count == digits.length) {
          return null;
        }
        digits[count++] = c;
      } else if (c == '+' && i == start) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    if (count == 11 && digits[0] == '1') {
      // +1 and ten digits, or the national prefix 1 of a plan's region and ten digits
      return plus || isNanpRegion(region) ? new String(digits, 1, 10) : null;
    }
    if (count == 10 && !plus && isNanpRegion(region)) {
      return new String(digits, 0, 10);
    }
    return null;
  }

  private static boolean isNanpRegion(String region) {
    return region != null && UTIL.getCountryCodeForRegion(region) == 1;
  }

  /** The E.164 form as libphonenumber parses and validates it, or empty. */
  static Optional<String> parsedByLibphonenumber(String raw, String region) {
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
