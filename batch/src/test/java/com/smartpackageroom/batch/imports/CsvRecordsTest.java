package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The read step's CSV reader against Commons CSV, which reads the same files everywhere else (the
 * rule): the same records, values, line numbers and failures, for a table of files and thousands of
 * random ones, across the reader's buffer edges and with the cap on values.
 */
class CsvRecordsTest {

  /** What Commons CSV reads as RFC 4180 (the format the import files were read in before). */
  private static final CSVFormat COMMONS =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /** A record as read: its values, the line it ended on, whether a value was cut, blank. */
  private record Read(List<String> values, long lineNumber, boolean cut, boolean blank) {}

  /** The records Commons CSV reads, cut to {@code maxField} as the cap cuts; then the failure. */
  private static List<Object> commons(String text, int maxField) {
    List<Object> reads = new ArrayList<>();
    try (CSVParser parser = COMMONS.parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        List<String> values = new ArrayList<>();
        boolean cut = false;
        boolean blank = true;
        for (String value : record) {
          String kept = value.length() > maxField ? value.substring(0, maxField) : value;
          cut |= kept != value;
          blank &= kept.isBlank();
          values.add(kept);
        }
        reads.add(new Read(values, parser.getCurrentLineNumber(), cut, blank));
      }
    } catch (IOException | UncheckedIOException e) {
      reads.add("fails");
    }
    return reads;
  }

  private static List<Object> ours(String text, int maxField, int bufferSize) {
    List<Object> reads = new ArrayList<>();
    try (CsvRecords records = new CsvRecords(new StringReader(text), maxField, bufferSize)) {
      while (records.next()) {
        reads.add(new Read(records.values(), records.lineNumber(), records.cut(), records.blank()));
      }
    } catch (IOException e) {
      reads.add("fails");
    }
    return reads;
  }

  private static void sameAsCommons(String text, int maxField) {
    List<Object> expected = commons(text, maxField);
    for (int bufferSize : new int[] {1, 2, 3, 5, 8, 64 * 1024}) {
      assertEquals(
          expected,
          ours(text, maxField, bufferSize),
          () -> "buffer " + bufferSize + ", cap " + maxField + ": " + escaped(text));
    }
  }

  private static final List<String> TABLE =
      List.of(
          "",
          "Id,Name",
          "Id,Name\n",
          "Id,Name\r\n1,Ana\r\n2,Ben\r\n",
          "Id,Name\n1,Ana\n2,Ben",
          "Id,Name\r1,Ana\r2,Ben\r",
          "Id,Name\r\n\r\n1,Ana\r\n\n\r\n   \r\n , \r\n",
          "Id,Name,Unit\r\n1,O\"Brien,Apt 3\"B\r\n2,\"Smith, \"\"Jo\"\"\",\"12\nB\"\r\n3,,\r\n",
          "a,\"b\r\nc\",d\r\ne\n",
          "a,\"b\r\rc\n\nd\r\n\re\"\nx\n",
          "a,\"b\"  \t,c\n",
          "a,\"b\" x,c\n",
          "a,\"b\"\"\n",
          "a,\"b\n",
          "a,\"\"\n",
          "a,\"\"\"\"\"\"\n",
          "a,b,\n",
          "a,b,",
          "a,\"b\"",
          "a,\"b\" ",
          "\"\"",
          ",",
          "\n",
          "\r",
          "\r\n",
          "é,ü,\"日本\",\uD83D\uDE00\n\uD83D\uDE00x,\"\uD83D\uDE00\"\n",
          "\u00A0,\u2003\n\u2003,\t\n",
          "a\"b\"c,d\"\n");

  @Test
  void aTableOfFilesReadsAsCommonsCsvReadsIt() {
    for (String text : TABLE) {
      for (int cap : new int[] {1, 2, 3, 10_000}) {
        sameAsCommons(text, cap);
      }
    }
  }

  @Test
  void thousandsOfRandomFilesReadAsCommonsCsvReadsThem() {
    Random random = new Random(16);
    String[] alphabet = {
      "a", "b", ",", ",", "\"", "\"", "\r", "\n", "\r\n", " ", "\t", "é", "\uD83D\uDE00"
    };
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int size = random.nextInt(40);
      for (int i = 0; i < size; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      sameAsCommons(text.toString(), 1 + random.nextInt(4));
      sameAsCommons(text.toString(), 10_000);
    }
  }

  @Test
  void anOversizedValueIsCutAndItsRecordMarkedWhileTheOthersReadWhole() throws IOException {
    String huge = "x".repeat(50_000);
    String csv =
        "Id,Name\r\n"
            + "1,Ana\r\n"
            + "2,"
            + huge
            + "\r\n"
            + "3,\""
            + huge
            + "\"\"\nstill quoted\"\r\n"
            + "4,O\"Brien\r\n";
    try (CsvRecords records = new CsvRecords(new StringReader(csv), 100)) {
      assertTrue(records.next());
      assertEquals(List.of("Id", "Name"), records.values());
      assertTrue(records.next());
      assertEquals(List.of("1", "Ana"), records.values());
      assertFalse(records.cut());
      assertTrue(records.next());
      assertTrue(records.cut());
      assertEquals("x".repeat(100), records.value(1));
      assertTrue(records.next());
      assertTrue(records.cut());
      assertEquals("x".repeat(100), records.value(1));
      assertEquals(5, records.lineNumber(), "its quoted value spans lines 4 and 5");
      assertTrue(records.next());
      assertFalse(records.cut());
      assertEquals(List.of("4", "O\"Brien"), records.values());
      assertFalse(records.next());
    }
  }

  @Test
  void onlyTheColumnsKeptBecomeStringsAndTheOthersStillCount() throws IOException {
    try (CsvRecords records =
        new CsvRecords(new StringReader("a,b,c,d\n1,2\n1,\"2\",3,4,5\n"), 50)) {
      records.keep(1, 3);
      assertTrue(records.next());
      assertEquals(4, records.size());
      assertNull(records.value(0));
      assertEquals("b", records.value(1));
      assertNull(records.value(2));
      assertEquals("d", records.value(3));
      assertTrue(records.next());
      assertEquals(2, records.size());
      assertEquals("2", records.value(1));
      assertNull(records.value(3), "beyond the record's values");
      assertTrue(records.next());
      assertEquals(5, records.size());
      assertEquals("2", records.value(1));
      assertEquals("4", records.value(3));
      assertNull(records.value(4));
      assertFalse(records.next());
    }
  }

  @Test
  void aHeaderOfMoreColumnsThanAnyExportHasIsRefusedWhileALineOfThemIsOnlyCounted()
      throws IOException {
    String commas = ",".repeat(CsvRecords.MAX_COLUMNS * 10);
    try (CsvRecords records = new CsvRecords(new StringReader(commas + "\n"), 50)) {
      assertThrows(CsvRecords.OversizedHeader.class, records::next);
    }
    String longNames = ("x".repeat(9_000) + ",").repeat(10);
    try (CsvRecords records = new CsvRecords(new StringReader(longNames + "\n"), 10_000)) {
      assertThrows(CsvRecords.OversizedHeader.class, records::next, "90 000 characters");
    }
    try (CsvRecords records =
        new CsvRecords(new StringReader("a,b\n" + commas + "\n" + "1,2\n"), 50)) {
      assertTrue(records.next());
      records.keep(0, 1);
      assertTrue(records.next());
      assertEquals(CsvRecords.MAX_COLUMNS * 10 + 1, records.size());
      assertTrue(records.blank());
      assertTrue(records.next());
      assertEquals("2", records.value(1));
    }
  }

  @Test
  void aReadThatFailsIsAnIoExceptionAndNotAnotherRecord() throws IOException {
    try (CsvRecords records = new CsvRecords(new StringReader("a\n\"b\" c\nd\n"), 50)) {
      assertTrue(records.next());
      assertThrows(IOException.class, records::next);
    }
  }

  private static String escaped(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
