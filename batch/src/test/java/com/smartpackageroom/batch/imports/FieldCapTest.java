package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class FieldCapTest {

  private static List<List<String>> parse(java.io.Reader reader) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = ImportFiles.FORMAT.parse(reader)) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    }
    return rows;
  }

  @Test
  void anOrdinaryFileReadsAsWithoutTheCap() throws IOException {
    String csv =
        "Id,Name,Unit\r\n"
            + "1,O\"Brien,Apt 3\"B\r\n"
            + "2,\"Smith, \"\"Jo\"\"\",\"12\nB\"\r\n"
            + "3,,\r\n";
    FieldCap cap = new FieldCap(new StringReader(csv), 10_000);
    assertEquals(parse(new StringReader(csv)), parse(cap));
    for (long record = 0; record < 5; record++) {
      assertFalse(cap.wasCut(record));
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
    FieldCap cap = new FieldCap(new StringReader(csv), 100);
    List<List<String>> rows = parse(cap);
    assertEquals(4, rows.size(), rows.toString().substring(0, 200));
    assertEquals(List.of("1", "Ana"), rows.get(0));
    assertEquals(100, rows.get(1).get(1).length());
    assertEquals(100, rows.get(2).get(1).length());
    assertEquals(List.of("4", "O\"Brien"), rows.get(3));
    assertFalse(cap.wasCut(1));
    assertTrue(cap.wasCut(2));
    assertTrue(cap.wasCut(3));
    assertFalse(cap.wasCut(4));
  }

  /**
   * Under the cap, the parser sees the file exactly as it is, whatever sizes it reads in (a held
   * quote and the character after it may come out of one character read: the second waits for the
   * next read).
   */
  @Test
  void underTheCapEveryCharacterPassesWhateverTheReadSizes() throws IOException {
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = {'a', 'b', ',', '"', '"', '\r', '\n', ' ', 'é'};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int size = random.nextInt(60);
      for (int i = 0; i < size; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      FieldCap cap = new FieldCap(new StringReader(text.toString()), 10_000);
      StringBuilder seen = new StringBuilder();
      char[] buffer = new char[20];
      while (true) {
        int length = 1 + random.nextInt(buffer.length - 1);
        int n = random.nextInt(4) == 0 ? singleRead(cap, buffer) : cap.read(buffer, 0, length);
        if (n < 0) {
          break;
        }
        seen.append(buffer, 0, n);
      }
      assertEquals(text.toString(), seen.toString(), "round " + round);
    }
  }

  private static int singleRead(FieldCap cap, char[] buffer) throws IOException {
    int c = cap.read();
    if (c < 0) {
      return -1;
    }
    buffer[0] = (char) c;
    return 1;
  }
}
