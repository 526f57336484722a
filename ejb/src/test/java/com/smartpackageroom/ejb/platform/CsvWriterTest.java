package com.smartpackageroom.ejb.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

  private static String write(Object... cells) {
    StringWriter text = new StringWriter();
    new CsvWriter(text).row(cells);
    return text.toString();
  }

  @Test
  void plainCellsAreCommaSeparatedWithCrlf() {
    assertEquals("12,KEY_USED,account:3,,42\r\n", write(12L, "KEY_USED", "account:3", null, 42));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-2", "@SUM(A1)", "\tcmd", "=HYPERLINK(\"x\")"})
  void aCellThatAFormulaWouldStartWithIsMadeInert(String value) {
    String cell = CsvWriter.cell(value);
    String unquoted =
        cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    assertEquals("'" + value, unquoted);
  }

  @Test
  void aCarriageReturnFirstIsMadeInertAndQuoted() {
    assertEquals("\"'\r=1\"", CsvWriter.cell("\r=1"));
  }

  @Test
  void formulaCharactersInsideACellAreLeftAlone() {
    assertEquals("a=b", CsvWriter.cell("a=b"));
    assertEquals("user@example.org", CsvWriter.cell("user@example.org"));
    assertEquals("'@example.org", CsvWriter.cell("@example.org"));
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertEquals("\"a,b\"", CsvWriter.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvWriter.cell("two\nlines"));
    assertEquals("\"'=1,2\"", CsvWriter.cell("=1,2"));
  }

  @Test
  void nullAndEmptyAreEmptyCells() {
    assertEquals(",\r\n", write(null, ""));
  }
}
