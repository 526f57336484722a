package com.smartpackageroom.domain.contact;

import com.smartpackageroom.domain.shared.DomainException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email addresses: trimmed, lower-cased, and checked for a plausible shape. */
public final class EmailAddresses {

  public static final int MAX_LENGTH = 254;

  // local part of common characters, a domain of dot-separated labels with a top-level label
  private static final Pattern SHAPE =
      Pattern.compile(
          "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
              + "(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}$");

  private EmailAddresses() {}

  /** The normal form of an address, or empty when it is not one. */
  public static Optional<String> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String candidate = raw.trim().toLowerCase(Locale.ROOT);
    if (candidate.isEmpty()
        || candidate.length() > MAX_LENGTH
        || candidate.startsWith(".")
        || candidate.contains("..")
        || candidate.contains(".@")
        || !SHAPE.matcher(candidate).matches()) {
      return Optional.empty();
    }
    return Optional.of(candidate);
  }

  /**
   * @throws DomainException (invalid-request, naming {@code field}) when it is no email address
   */
  public static String normalize(String field, String raw) {
    return parse(raw)
        .orElseThrow(() -> DomainException.invalid(field + " is not a valid email address"));
  }

  /** Whether a contact typed at the kiosk looks like an email address rather than a phone. */
  public static boolean looksLikeEmail(String raw) {
    return raw != null && raw.contains("@");
  }
}
