package com.smartpackageroom.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.shared.DomainException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportMappingTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T12:00:00Z");

  private static Map<ResidentField, String> columns(String status) {
    Map<ResidentField, String> columns =
        new java.util.EnumMap<>(
            Map.of(
                ResidentField.EXTERNAL_ID, "Resident ID",
                ResidentField.UNIT, "Apartment",
                ResidentField.FIRST_NAME, "Given",
                ResidentField.LAST_NAME, "Family",
                ResidentField.EMAIL, "E-mail"));
    if (status != null) {
      columns.put(ResidentField.STATUS, status);
    }
    return columns;
  }

  @Test
  void aMappingReadsItsColumnsAndStatusesRegardlessOfCase() {
    ImportMapping mapping = new ImportMapping(7L, " Tenants ");
    mapping.define(columns("State"), List.of("Living"), List.of("Gone"), NOW);
    ImportLayout layout = mapping.layout();
    assertEquals("tenants", layout.apiName());
    assertEquals(Optional.of(false), layout.isMovedOut("living"));
    assertEquals(Optional.of(true), layout.isMovedOut(" GONE "));
    assertEquals(Optional.empty(), layout.isMovedOut("Away"));
    assertEquals(
        List.of("State"),
        layout.missingColumns(List.of("resident id", "APARTMENT", "Given", "Family", "E-mail")));
  }

  @Test
  void onlyANameAMappingCouldHaveIsLookedFor() {
    assertTrue(ImportMapping.possibleName(ImportMapping.normalName(" Tenants-2 ")));
    assertFalse(ImportMapping.possibleName(ImportMapping.normalName("a\u0000b")));
    assertFalse(ImportMapping.possibleName(""));
    assertFalse(ImportMapping.possibleName("x".repeat(41)));
  }

  @Test
  void withoutAStatusColumnEveryoneIsCurrent() {
    ImportMapping mapping = new ImportMapping(7L, "current-only");
    mapping.define(columns(null), List.of(), List.of(), NOW);
    assertEquals(Optional.of(false), mapping.layout().isMovedOut(null));
  }

  @Test
  void aMappingThatCouldNotWorkIsRefusedNamingWhatIsWrong() {
    ImportMapping mapping = new ImportMapping(7L, "tenants");
    Map<ResidentField, String> noUnit = columns("State");
    noUnit.remove(ResidentField.UNIT);
    assertMessage("columns.unit", () -> mapping.define(noUnit, List.of("Living"), List.of(), NOW));
    Map<ResidentField, String> noContact = columns("State");
    noContact.remove(ResidentField.EMAIL);
    assertMessage(
        "email, mobilePhone or otherPhone",
        () -> mapping.define(noContact, List.of("Living"), List.of(), NOW));
    assertMessage(
        "currentStatuses", () -> mapping.define(columns("State"), List.of(), List.of("Gone"), NOW));
    assertMessage(
        "both", () -> mapping.define(columns("State"), List.of("In"), List.of("in"), NOW));
    assertMessage(
        "columns.status", () -> mapping.define(columns(null), List.of("Living"), List.of(), NOW));
  }

  @Test
  void namesAreShortLowerCaseWordsAndNotALayoutKnownOutOfTheBox() {
    assertEquals("my-pms_2", ImportMapping.checkedName("My-PMS_2"));
    assertMessage("out of the box", () -> ImportMapping.checkedName("yardi"));
    assertMessage("lower-case", () -> ImportMapping.checkedName("not a name"));
    assertMessage("lower-case", () -> ImportMapping.checkedName(""));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
    DomainException e = assertThrows(DomainException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
