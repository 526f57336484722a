package com.smartpackageroom.domain.imports;

import static com.smartpackageroom.domain.imports.ResidentField.EMAIL;
import static com.smartpackageroom.domain.imports.ResidentField.EXTERNAL_ID;
import static com.smartpackageroom.domain.imports.ResidentField.FIRST_NAME;
import static com.smartpackageroom.domain.imports.ResidentField.LAST_NAME;
import static com.smartpackageroom.domain.imports.ResidentField.MOBILE_PHONE;
import static com.smartpackageroom.domain.imports.ResidentField.OTHER_PHONE;
import static com.smartpackageroom.domain.imports.ResidentField.STATUS;
import static com.smartpackageroom.domain.imports.ResidentField.UNIT;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which column of a resident export holds which field, and which statuses mean that a resident has
 * moved out: the four property-management systems the import knows out of the box, and the column
 * mappings a site defines for any other export.
 */
public final class ImportLayout {

  public static final ImportLayout YARDI =
      new ImportLayout(
          "yardi",
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
          Set.of("past"));
  public static final ImportLayout ONESITE =
      new ImportLayout(
          "onesite",
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
          Set.of("former"));
  public static final ImportLayout ENTRATA =
      new ImportLayout(
          "entrata",
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
          Set.of("past"));
  public static final ImportLayout SALESFORCE =
      new ImportLayout(
          "salesforce",
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

  /** The layouts known out of the box. */
  public static final List<ImportLayout> BUILT_IN = List.of(YARDI, ONESITE, ENTRATA, SALESFORCE);

  private final String apiName;
  private final String systemName;
  private final Map<ResidentField, String> columns;
  private final Set<String> currentStatuses;
  private final Set<String> formerStatuses;

  private ImportLayout(
      String apiName,
      String systemName,
      Map<ResidentField, String> columns,
      Set<String> currentStatuses,
      Set<String> formerStatuses) {
    this.apiName = apiName;
    this.systemName = systemName;
    this.columns = columns;
    this.currentStatuses = currentStatuses;
    this.formerStatuses = formerStatuses;
  }

  /**
   * A site's own mapping (validated by {@link ImportMapping}): without a status column, everyone in
   * the file is a current resident.
   */
  public static ImportLayout mapping(
      String name,
      Map<ResidentField, String> columns,
      Collection<String> currentStatuses,
      Collection<String> formerStatuses) {
    Set<String> current = new TreeSet<>();
    currentStatuses.forEach(st -> current.add(status(st)));
    Set<String> former = new TreeSet<>();
    formerStatuses.forEach(st -> former.add(status(st)));
    Map<ResidentField, String> copy = new EnumMap<>(ResidentField.class);
    copy.putAll(columns);
    return new ImportLayout(name, "a column mapping of the site", copy, current, former);
  }

  /** The layout named as in the API ({@code yardi}, {@code onesite}, ...), in any case. */
  public static Optional<ImportLayout> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (ImportLayout layout : BUILT_IN) {
      if (layout.apiName().equals(wanted)) {
        return Optional.of(layout);
      }
    }
    return Optional.empty();
  }

  public String apiName() {
    return apiName;
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

  /**
   * The columns this layout needs that a header lacks (compared ignoring case and surrounding
   * spaces).
   */
  public List<String> missingColumns(List<String> header) {
    Set<String> present = new TreeSet<>();
    for (String name : header) {
      present.add(comparable(name));
    }
    return columns.values().stream().filter(c -> !present.contains(comparable(c))).toList();
  }

  /**
   * Where each field of this layout stands in a header (compared ignoring case and surrounding
   * spaces).
   */
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
    if (!columns.containsKey(ResidentField.STATUS)) {
      return Optional.of(false);
    }
    String s = status(status);
    if (formerStatuses.contains(s)) {
      return Optional.of(true);
    }
    if (currentStatuses.contains(s)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /**
   * What decides how this layout reads a line's values, whatever its columns are called: the fields
   * it reads and the statuses it knows. Layouts of the same meaning read the same values alike.
   */
  public String meaning() {
    return "fields="
        + columns.keySet()
        + " current="
        + new TreeSet<>(currentStatuses)
        + " former="
        + new TreeSet<>(formerStatuses);
  }

  /** The statuses this system uses, for error messages. */
  public List<String> statuses() {
    return Stream.concat(currentStatuses.stream(), formerStatuses.stream()).sorted().toList();
  }

  private static String status(String status) {
    return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
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
