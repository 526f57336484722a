package com.smartpackageroom.domain.imports;

/** The fields of a resident the import reads, whatever a property-management system calls them. */
public enum ResidentField {
  EXTERNAL_ID("resident id"),
  UNIT("unit"),
  FIRST_NAME("first name"),
  LAST_NAME("last name"),
  EMAIL("email"),
  MOBILE_PHONE("mobile phone"),
  OTHER_PHONE("other phone"),
  STATUS("status");

  private final String label;

  ResidentField(String label) {
    this.label = label;
  }

  /** How an error message names the field. */
  public String label() {
    return label;
  }
}
