package com.smartpackageroom.domain.imports;

import com.smartpackageroom.domain.contact.EmailAddresses;
import com.smartpackageroom.domain.contact.PhoneNumbers;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a line of a resident export into a {@link ResidentRow}: trims and checks the fields, keeps
 * the mobile phone (or else the other phone) in E.164 for the site's country, reads the status.
 */
public final class ResidentRows {

  /**
   * The version of the rules below. Raise it whenever {@link #normalize} reads some line
   * differently (a new check, another normal form; an upgrade of libphonenumber or of the email
   * rules that changes which values are valid or how they are written): the import remembers a
   * fingerprint of the line it applied to each resident, made with this version, and takes a line
   * of the same fingerprint as unchanged without reading it again.
   */
  public static final int RULES_VERSION = 1;

  static final int MAX_EXTERNAL_ID = 100;
  static final int MAX_NAME = 100;
  static final int MAX_UNIT = 50;

  private ResidentRows() {}

  /**
   * @param values the line's values by field (absent or blank: not given)
   * @param region the site's country, for phones written nationally
   * @throws InvalidRowException naming what is wrong, in words a property manager understands
   */
  public static ResidentRow normalize(
      long line, Map<ResidentField, String> values, ImportLayout layout, String region)
      throws InvalidRowException {
    for (String value : values.values()) {
      if (value != null && value.indexOf('\0') >= 0) {
        // no database text can hold it, and no export means it
        throw new InvalidRowException(line, null, "has a NUL character (U+0000) in a value");
      }
    }
    String externalId = text(values, ResidentField.EXTERNAL_ID);
    if (externalId == null) {
      throw new InvalidRowException(line, null, "no resident id");
    }
    if (externalId.length() > MAX_EXTERNAL_ID) {
      throw new InvalidRowException(
          line, null, "resident id longer than " + MAX_EXTERNAL_ID + " characters");
    }
    String firstName = text(values, ResidentField.FIRST_NAME);
    String lastName = text(values, ResidentField.LAST_NAME);
    if (firstName == null && lastName == null) {
      throw new InvalidRowException(line, externalId, "no name");
    }
    if (firstName == null || lastName == null) {
      throw new InvalidRowException(
          line, externalId, firstName == null ? "no first name" : "no last name");
    }
    if (firstName.length() > MAX_NAME || lastName.length() > MAX_NAME) {
      throw new InvalidRowException(
          line, externalId, "name longer than " + MAX_NAME + " characters");
    }
    String unit = text(values, ResidentField.UNIT);
    if (unit == null) {
      throw new InvalidRowException(line, externalId, "no unit");
    }
    if (unit.length() > MAX_UNIT) {
      throw new InvalidRowException(
          line, externalId, "unit longer than " + MAX_UNIT + " characters");
    }
    String rawStatus = text(values, ResidentField.STATUS);
    Optional<Boolean> movedOut = layout.isMovedOut(rawStatus);
    if (movedOut.isEmpty()) {
      throw new InvalidRowException(
          line,
          externalId,
          rawStatus == null
              ? "no status"
              : "unknown status \""
                  + abbreviate(rawStatus)
                  + "\" (expected one of "
                  + String.join(", ", layout.statuses())
                  + ")");
    }
    String rawEmail = text(values, ResidentField.EMAIL);
    String email = null;
    if (rawEmail != null) {
      email =
          EmailAddresses.parse(rawEmail)
              .orElseThrow(
                  () ->
                      new InvalidRowException(
                          line, externalId, "malformed email \"" + abbreviate(rawEmail) + "\""));
    }
    String phone = null;
    ResidentField phoneField =
        text(values, ResidentField.MOBILE_PHONE) != null
            ? ResidentField.MOBILE_PHONE
            : ResidentField.OTHER_PHONE;
    String rawPhone = text(values, phoneField);
    if (rawPhone != null) {
      phone =
          PhoneNumbers.parse(rawPhone, region)
              .orElseThrow(
                  () ->
                      new InvalidRowException(
                          line,
                          externalId,
                          "malformed " + phoneField.label() + " \"" + abbreviate(rawPhone) + "\""));
    }
    if (email == null && phone == null) {
      throw new InvalidRowException(line, externalId, "no contact (neither email nor phone)");
    }
    return new ResidentRow(
        line, externalId, firstName, lastName, unit, email, phone, movedOut.get());
  }

  private static String text(Map<ResidentField, String> values, ResidentField field) {
    String value = values.get(field);
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "..." : value;
  }
}
