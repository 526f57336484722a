package com.smartpackageroom.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidentRowsTest {

  private static Map<ResidentField, String> row(String... pairs) {
    Map<ResidentField, String> values = new EnumMap<>(ResidentField.class);
    values.put(ResidentField.EXTERNAL_ID, "t0000002");
    values.put(ResidentField.UNIT, "3802");
    values.put(ResidentField.FIRST_NAME, "  Noah ");
    values.put(ResidentField.LAST_NAME, "O'Kafor, Jr.");
    values.put(ResidentField.EMAIL, " Noa.2@Example.org");
    values.put(ResidentField.MOBILE_PHONE, "(917) 251-3622");
    values.put(ResidentField.STATUS, "Current");
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(ResidentField.valueOf(pairs[i]), pairs[i + 1]);
    }
    return values;
  }

  @Test
  void normalisesNamesEmailAndPhone() throws InvalidRowException {
    ResidentRow r = ResidentRows.normalize(3, row(), ImportLayout.YARDI, "US");
    assertEquals(3, r.line());
    assertEquals("t0000002", r.externalId());
    assertEquals("Noah", r.firstName());
    assertEquals("O'Kafor, Jr.", r.lastName());
    assertEquals("noa.2@example.org", r.email());
    assertEquals("+19172513622", r.phone());
    assertFalse(r.movedOut());
  }

  @Test
  void everyNationalPhoneFormatBecomesE164() throws InvalidRowException {
    for (String phone :
        List.of(
            "(212) 555-0143", "212.555.0143", "2125550143", "+1 212 555 0143", "1-212-555-0143")) {
      ResidentRow r =
          ResidentRows.normalize(2, row("MOBILE_PHONE", phone), ImportLayout.YARDI, "US");
      assertEquals("+12125550143", r.phone(), phone);
    }
  }

  @Test
  void theOtherPhoneServesWhenThereIsNoMobile() throws InvalidRowException {
    ResidentRow r =
        ResidentRows.normalize(
            2, row("MOBILE_PHONE", "", "OTHER_PHONE", "206.420.0614"), ImportLayout.ONESITE, "US");
    assertEquals("+12064200614", r.phone());
  }

  @Test
  void formerStatusesMeanMovedOut() throws InvalidRowException {
    assertTrue(
        ResidentRows.normalize(2, row("STATUS", "Past"), ImportLayout.YARDI, "US").movedOut());
    assertTrue(
        ResidentRows.normalize(2, row("STATUS", "Former"), ImportLayout.ONESITE, "US").movedOut());
    assertTrue(
        ResidentRows.normalize(2, row("STATUS", "inactive"), ImportLayout.SALESFORCE, "US")
            .movedOut());
    assertFalse(
        ResidentRows.normalize(2, row("STATUS", "Future Lease"), ImportLayout.ONESITE, "US")
            .movedOut());
    assertFalse(
        ResidentRows.normalize(2, row("STATUS", "Notice"), ImportLayout.ENTRATA, "US").movedOut());
  }

  @Test
  void badLinesAreRefusedWithTheirReason() {
    assertEquals("no resident id", reason(row("EXTERNAL_ID", " ")));
    assertEquals("no name", reason(row("FIRST_NAME", "", "LAST_NAME", null)));
    assertEquals("no last name", reason(row("LAST_NAME", "")));
    assertEquals(
        "no contact (neither email nor phone)", reason(row("EMAIL", "", "MOBILE_PHONE", "")));
    assertEquals("malformed email \"pri.1@@example\"", reason(row("EMAIL", "pri.1@@example")));
    assertEquals("malformed mobile phone \"12\"", reason(row("MOBILE_PHONE", "12")));
    assertTrue(reason(row("STATUS", "Evicted")).startsWith("unknown status \"Evicted\""));
    assertEquals("no unit", reason(row("UNIT", "")));
  }

  @Test
  void aRefusedLineKeepsItsResidentId() {
    InvalidRowException e =
        assertThrows(
            InvalidRowException.class,
            () -> ResidentRows.normalize(9, row("EMAIL", "x@"), ImportLayout.YARDI, "US"));
    assertEquals(9, e.line());
    assertEquals("t0000002", e.externalId());
  }

  @Test
  void anEmailAloneIsEnough() throws InvalidRowException {
    ResidentRow r = ResidentRows.normalize(2, row("MOBILE_PHONE", null), ImportLayout.YARDI, "US");
    assertNull(r.phone());
  }

  @Test
  void layoutsAreNamedAsInTheApiAndCheckTheirHeader() {
    assertEquals(ImportLayout.ONESITE, ImportLayout.named(" OneSite ").orElseThrow());
    assertTrue(ImportLayout.named("csv").isEmpty());
    assertEquals(
        List.of(),
        ImportLayout.YARDI.missingColumns(
            List.of(
                "\uFEFFProperty",
                "Unit",
                "Tenant Code",
                "Status",
                "First Name",
                "Last Name",
                "Email",
                "Cell Phone",
                "Home Phone",
                "Move In",
                "Move Out")));
    assertEquals(
        List.of("Tenant Code", "Status"),
        ImportLayout.YARDI.missingColumns(
            List.of("Unit", "First Name", "Last Name", "Email", "Cell Phone", "Home Phone")));
  }

  @Test
  void modesDefaultToFull() {
    assertEquals(ImportMode.FULL, ImportMode.named(null).orElseThrow());
    assertEquals(ImportMode.INCREMENTAL, ImportMode.named("Incremental").orElseThrow());
    assertTrue(ImportMode.named("partial").isEmpty());
  }

  @Test
  void aLargeShareOfMoveOutsIsSuspicious() {
    assertFalse(new MoveOutCheck(4, 40, 0.2).isSuspicious());
    assertFalse(new MoveOutCheck(8, 40, 0.2).isSuspicious());
    assertTrue(new MoveOutCheck(9, 40, 0.2).isSuspicious());
    assertFalse(new MoveOutCheck(0, 0, 0.2).isSuspicious());
    String why = new MoveOutCheck(35, 40, 0.2).explanation(7);
    assertTrue(why.contains("35 of the site's 40"), why);
    assertTrue(why.contains("POST /api/v1/imports/7/restart?force=true"), why);
  }

  @Test
  void aNulCharacterAnywhereRefusesTheLineWithoutItsId() {
    assertEquals("has a NUL character (U+0000) in a value", reason(row("LAST_NAME", "Ok\0afor")));
    assertEquals("has a NUL character (U+0000) in a value", reason(row("UNIT", "\0")));
    InvalidRowException e =
        assertThrows(
            InvalidRowException.class,
            () -> ResidentRows.normalize(2, row("EXTERNAL_ID", "t1\0"), ImportLayout.YARDI, "US"));
    assertEquals(null, e.externalId());
  }

  private static String reason(Map<ResidentField, String> values) {
    return assertThrows(
            InvalidRowException.class,
            () -> ResidentRows.normalize(2, values, ImportLayout.YARDI, "US"))
        .reason();
  }
}
