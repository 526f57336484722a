package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
