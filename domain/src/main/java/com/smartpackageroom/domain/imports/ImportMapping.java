package com.smartpackageroom.domain.imports;

import com.smartpackageroom.domain.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A site's own column mapping, for a resident export of a system the import does not know out of
 * the box: which column holds which field and, when the file has a status column, which statuses
 * mean a current resident and which one who has moved out.
 */
@Entity
@Table(name = "import_mapping")
public class ImportMapping {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final int MAX_COLUMN = 100;
  private static final int MAX_STATUSES = 2000;
  private static final String SEPARATOR = "\n";

  /** The fields a mapping must name a column for. */
  public static final List<ResidentField> REQUIRED =
      List.of(
          ResidentField.EXTERNAL_ID,
          ResidentField.UNIT,
          ResidentField.FIRST_NAME,
          ResidentField.LAST_NAME);

  @Id
  @SequenceGenerator(
      name = "import_mapping_seq",
      sequenceName = "import_mapping_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_mapping_seq")
  private Long id;

  @Column(name = "site_id", nullable = false)
  private Long siteId;

  @Column(nullable = false)
  private String name;

  @Column(name = "external_id_column", nullable = false)
  private String externalIdColumn;

  @Column(name = "unit_column", nullable = false)
  private String unitColumn;

  @Column(name = "first_name_column", nullable = false)
  private String firstNameColumn;

  @Column(name = "last_name_column", nullable = false)
  private String lastNameColumn;

  @Column(name = "email_column")
  private String emailColumn;

  @Column(name = "mobile_phone_column")
  private String mobilePhoneColumn;

  @Column(name = "other_phone_column")
  private String otherPhoneColumn;

  @Column(name = "status_column")
  private String statusColumn;

  @Column(name = "current_statuses", nullable = false)
  private String currentStatuses;

  @Column(name = "former_statuses", nullable = false)
  private String formerStatuses;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected ImportMapping() {}

  public ImportMapping(Long siteId, String name) {
    this.siteId = siteId;
    this.name = checkedName(name);
  }

  /** A name as given (in any case, with spaces around), as it is stored. */
  public static String normalName(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether a normal name (as {@link #normalName} gives it) is one a mapping could have. */
  public static boolean possibleName(String normal) {
    return NAME.matcher(normal).matches();
  }

  /**
   * A mapping's name as the import's {@code layout} parameter gives it: lower-case letters, digits,
   * dashes and underscores, and none of the layouts known out of the box.
   */
  public static String checkedName(String raw) {
    String name = normalName(raw);
    if (!NAME.matcher(name).matches()) {
      throw DomainException.invalid(
          "name must be 1 to 40 lower-case letters, digits, dashes or underscores");
    }
    if (ImportLayout.named(name).isPresent()) {
      throw DomainException.invalid(
          "name " + name + " is a layout known out of the box; choose another name");
    }
    return name;
  }

  /**
   * Sets the mapping, refusing with a message naming the field what would make it unusable.
   *
   * @param columns the column of each field (absent or blank: the export has no such column)
   */
  public void define(
      Map<ResidentField, String> columns,
      Collection<String> current,
      Collection<String> former,
      OffsetDateTime now) {
    Map<ResidentField, String> given = new EnumMap<>(ResidentField.class);
    columns.forEach(
        (field, column) -> {
          if (column != null && !column.isBlank()) {
            if (column.strip().length() > MAX_COLUMN || hasControlCharacters(column)) {
              throw DomainException.invalid(
                  "columns."
                      + field.jsonName()
                      + " must be a column name of at most "
                      + MAX_COLUMN
                      + " characters, on one line");
            }
            given.put(field, column.strip());
          }
        });
    for (ResidentField field : REQUIRED) {
      if (!given.containsKey(field)) {
        throw DomainException.invalid("columns." + field.jsonName() + " is required");
      }
    }
    if (!given.containsKey(ResidentField.EMAIL)
        && !given.containsKey(ResidentField.MOBILE_PHONE)
        && !given.containsKey(ResidentField.OTHER_PHONE)) {
      throw DomainException.invalid(
          "columns needs at least one of email, mobilePhone or otherPhone: residents are reached"
              + " by email or text message");
    }
    Set<String> currentSet = statuses("currentStatuses", current);
    Set<String> formerSet = statuses("formerStatuses", former);
    if (given.containsKey(ResidentField.STATUS)) {
      if (currentSet.isEmpty()) {
        throw DomainException.invalid(
            "currentStatuses is required with a status column: the statuses of current"
                + " residents");
      }
      for (String status : formerSet) {
        if (currentSet.stream().anyMatch(c -> c.equalsIgnoreCase(status))) {
          throw DomainException.invalid(
              "status " + status + " is in both currentStatuses and formerStatuses");
        }
      }
    } else if (!currentSet.isEmpty() || !formerSet.isEmpty()) {
      throw DomainException.invalid(
          "currentStatuses and formerStatuses need columns.status: without a status column"
              + " everyone in the file is a current resident");
    }
    externalIdColumn = given.get(ResidentField.EXTERNAL_ID);
    unitColumn = given.get(ResidentField.UNIT);
    firstNameColumn = given.get(ResidentField.FIRST_NAME);
    lastNameColumn = given.get(ResidentField.LAST_NAME);
    emailColumn = given.get(ResidentField.EMAIL);
    mobilePhoneColumn = given.get(ResidentField.MOBILE_PHONE);
    otherPhoneColumn = given.get(ResidentField.OTHER_PHONE);
    statusColumn = given.get(ResidentField.STATUS);
    currentStatuses = String.join(SEPARATOR, currentSet);
    formerStatuses = String.join(SEPARATOR, formerSet);
    if (currentStatuses.length() > MAX_STATUSES || formerStatuses.length() > MAX_STATUSES) {
      throw DomainException.invalid("the statuses are too long");
    }
    updatedAt = now;
  }

  private static Set<String> statuses(String field, Collection<String> given) {
    Set<String> statuses = new LinkedHashSet<>();
    if (given != null) {
      for (String status : given) {
        if (status == null
            || status.isBlank()
            || status.strip().length() > MAX_COLUMN
            || hasControlCharacters(status)) {
          throw DomainException.invalid(
              field + " must list statuses of 1 to " + MAX_COLUMN + " characters, on one line");
        }
        statuses.add(status.strip());
      }
    }
    return statuses;
  }

  private static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  /** The layout the import reads a file of this mapping by. */
  public ImportLayout layout() {
    return ImportLayout.mapping(name, columns(), current(), former());
  }

  /** The column of each field this mapping names. */
  public Map<ResidentField, String> columns() {
    Map<ResidentField, String> columns = new EnumMap<>(ResidentField.class);
    put(columns, ResidentField.EXTERNAL_ID, externalIdColumn);
    put(columns, ResidentField.UNIT, unitColumn);
    put(columns, ResidentField.FIRST_NAME, firstNameColumn);
    put(columns, ResidentField.LAST_NAME, lastNameColumn);
    put(columns, ResidentField.EMAIL, emailColumn);
    put(columns, ResidentField.MOBILE_PHONE, mobilePhoneColumn);
    put(columns, ResidentField.OTHER_PHONE, otherPhoneColumn);
    put(columns, ResidentField.STATUS, statusColumn);
    return columns;
  }

  private static void put(Map<ResidentField, String> columns, ResidentField field, String column) {
    if (column != null) {
      columns.put(field, column);
    }
  }

  public List<String> current() {
    return split(currentStatuses);
  }

  public List<String> former() {
    return split(formerStatuses);
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty()
        ? List.of()
        : new ArrayList<>(Arrays.asList(joined.split(SEPARATOR)));
  }

  public Long getId() {
    return id;
  }

  public Long getSiteId() {
    return siteId;
  }

  public String getName() {
    return name;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
