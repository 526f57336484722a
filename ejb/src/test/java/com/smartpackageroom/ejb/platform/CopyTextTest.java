package com.smartpackageroom.ejb.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  @Test
  void valuesAreSeparatedByTabsAndRowsEndWithANewline() {
    StringBuilder out = new StringBuilder();
    CopyText rows = new CopyText(out);
    rows.value(7L).value("Ana").value((String) null).value(true).end();
    rows.value(8L).value("").value(false).end();
    assertEquals("7\tAna\t\\N\tt\n8\t\tf\n", out.toString());
  }

  @Test
  void backslashesTabsAndLineBreaksInsideAValueAreEscaped() {
    StringBuilder out = new StringBuilder();
    new CopyText(out).value("a\\b\tc\nd\re \\N").end();
    assertEquals("a\\\\b\\tc\\nd\\re \\\\N\n", out.toString());
  }

  @Test
  void bulkRowValuesAreWrittenAsPostgresqlReadsThem() {
    StringBuilder out = new StringBuilder();
    new CopyText(out)
        .value((Object) 7L)
        .value((Object) 3)
        .value((Object) Boolean.FALSE)
        .value((Object) null)
        .value((Object) "x\ty")
        .value((Object) OffsetDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.UTC))
        .value(
            (Object) OffsetDateTime.of(2026, 12, 1, 18, 5, 9, 123_456_000, ZoneOffset.ofHours(2)))
        .end();
    assertEquals(
        "7\t3\tf\t\\N\tx\\ty\t2026-12-01 18:00:00.000000+00:00"
            + "\t2026-12-01 18:05:09.123456+02:00\n",
        out.toString());
  }
}
