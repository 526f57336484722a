package com.smartpackageroom.domain.imports;

import java.util.Optional;

/** The fields of a resident the import reads, whatever a property-management system calls them. */
public enum ResidentField {
  EXTERNAL_ID("resident id", "externalId"),
  UNIT("unit", "unit"),
  FIRST_NAME("first name", "firstName"),
  LAST_NAME("last name", "lastName"),
  EMAIL("email", "email"),
  MOBILE_PHONE("mobile phone", "mobilePhone"),
  OTHER_PHONE("other phone", "otherPhone"),
  STATUS("status", "status");

  private final String label;
  private final String jsonName;

  ResidentField(String label, String jsonName) {
    this.label = label;
    this.jsonName = jsonName;
  }

  /** How an error message names the field. */
  public String label() {
    return label;
  }

  /** How the API names the field (in a site's column mapping). */
  public String jsonName() {
    return jsonName;
  }

  /** The field the API names so, if any. */
  public static Optional<ResidentField> ofJsonName(String name) {
    for (ResidentField field : values()) {
      if (field.jsonName.equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
