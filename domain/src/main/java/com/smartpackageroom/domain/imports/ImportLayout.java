package com.smartpackageroom.domain.imports;

import static com.smartpackageroom.domain.imports.ResidentField.EMAIL;
import static com.smartpackageroom.domain.imports.ResidentField.EXTERNAL_ID;
import static com.smartpackageroom.domain.imports.ResidentField.FIRST_NAME;
import static com.smartpackageroom.domain.imports.ResidentField.LAST_NAME;
import static com.smartpackageroom.domain.imports.ResidentField.MOBILE_PHONE;
import static com.smartpackageroom.domain.imports.ResidentField.OTHER_PHONE;
import static com.smartpackageroom.domain.imports.ResidentField.STATUS;
import static com.smartpackageroom.domain.imports.ResidentField.UNIT;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resident exports of the property-management systems the import knows out of the box: which
 * column holds which field, and which statuses mean that a resident has moved out.
 */
public enum ImportLayout {
  YARDI(
      "Yardi Voyager",
      columns(
          "Tenant Code",
          "Unit",
          "First Name",
          "Last Name",
          "Email",
          "Cell Phone",
          "Home Phone",
          "Status"),
      Set.of("current", "notice", "future"),
      Set.of("past")),
  ONESITE(
      "RealPage OneSite",
      columns(
          "residentmemberid",
          "unitnumber",
          "firstname",
          "lastname",
          "email",
          "cellphone",
          "homephone",
          "leasestatus"),
      Set.of("current", "notice", "future lease"),
      Set.of("former")),
  ENTRATA(
      "Entrata",
      columns(
          "customerId",
          "unitNumber",
          "firstName",
          "lastName",
          "email",
          "phoneNumber",
          null,
          "leaseStatus"),
      Set.of("current", "notice", "future"),
      Set.of("past")),
  SALESFORCE(
      "Salesforce",
      columns(
          "Id",
          "Unit__c",
          "FirstName",
          "LastName",
          "Email",
          "MobilePhone",
          "Phone",
          "Resident_Status__c"),
      Set.of("active"),
      Set.of("inactive"));

  private final String systemName;
  private final Map<ResidentField, String> columns;
  private final Set<String> currentStatuses;
  private final Set<String> formerStatuses;

  ImportLayout(
      String systemName,
      Map<ResidentField, String> columns,
      Set<String> currentStatuses,
      Set<String> formerStatuses) {
    this.systemName = systemName;
    this.columns = columns;
    this.currentStatuses = currentStatuses;
    this.formerStatuses = formerStatuses;
  }

  /** The layout named as in the API ({@code yardi}, {@code onesite}, ...), in any case. */
  public static Optional<ImportLayout> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (ImportLayout layout : values()) {
      if (layout.apiName().equals(wanted)) {
        return Optional.of(layout);
      }
    }
    return Optional.empty();
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String systemName() {
    return systemName;
  }

  /** The column of a field, or null when this system's export has no such column. */
  public String column(ResidentField field) {
    return columns.get(field);
  }

  public Map<ResidentField, String> columns() {
    return Collections.unmodifiableMap(columns);
  }

  /** The columns this layout needs that a header lacks (compared ignoring case and spaces). */
  public List<String> missingColumns(List<String> header) {
    Set<String> present = new TreeSet<>();
    for (String name : header) {
      present.add(comparable(name));
    }
    return columns.values().stream().filter(c -> !present.contains(comparable(c))).toList();
  }

  /** Where each field of this layout stands in a header (compared ignoring case and spaces). */
  public Map<ResidentField, Integer> positions(List<String> header) {
    Map<ResidentField, Integer> positions = new EnumMap<>(ResidentField.class);
    for (Map.Entry<ResidentField, String> c : columns.entrySet()) {
      for (int i = 0; i < header.size(); i++) {
        if (comparable(header.get(i)).equals(comparable(c.getValue()))) {
          positions.put(c.getKey(), i);
          break;
        }
      }
    }
    return positions;
  }

  /**
   * Whether a status of this system means the resident has moved out; empty for a status the system
   * does not use.
   */
  public Optional<Boolean> isMovedOut(String status) {
    String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    if (formerStatuses.contains(s)) {
      return Optional.of(true);
    }
    if (currentStatuses.contains(s)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** The statuses this system uses, for error messages. */
  public List<String> statuses() {
    return java.util.stream.Stream.concat(currentStatuses.stream(), formerStatuses.stream())
        .sorted()
        .toList();
  }

  static String comparable(String columnName) {
    return columnName == null
        ? ""
        : columnName.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
  }

  private static Map<ResidentField, String> columns(String... names) {
    Map<ResidentField, String> map = new EnumMap<>(ResidentField.class);
    ResidentField[] fields = {
      EXTERNAL_ID, UNIT, FIRST_NAME, LAST_NAME, EMAIL, MOBILE_PHONE, OTHER_PHONE, STATUS
    };
    for (int i = 0; i < fields.length; i++) {
      if (names[i] != null) {
        map.put(fields[i], names[i]);
      }
    }
    return map;
  }
}
