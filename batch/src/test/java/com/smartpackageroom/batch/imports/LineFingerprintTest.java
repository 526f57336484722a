package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.ResidentField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineFingerprintTest {

  private static Map<ResidentField, String> values(String... pairs) {
    Map<ResidentField, String> values = new EnumMap<>(ResidentField.class);
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(ResidentField.valueOf(pairs[i]), pairs[i + 1]);
    }
    return values;
  }

  private static final Map<ResidentField, String> ANA =
      values(
          "EXTERNAL_ID",
          "r1",
          "FIRST_NAME",
          "Ana",
          "LAST_NAME",
          "Núñez",
          "UNIT",
          "12",
          "EMAIL",
          "ana@example.org",
          "STATUS",
          "Current");

  /**
   * The fingerprint as first written (the line built as a string, then its UTF-8 bytes): residents
   * keep the fingerprints of their last lines, so the bytes digested never change.
   */
  private static long asFirstWritten(
      ImportLayout layout, String region, Map<ResidentField, String> values) throws Exception {
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    byte[] context =
        sha.digest(
            ("rules="
                    + com.smartpackageroom.domain.imports.ResidentRows.RULES_VERSION
                    + " region="
                    + region
                    + " layout="
                    + layout.meaning())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder();
    for (ResidentField field : ResidentField.values()) {
      String value = values.get(field);
      if (value == null) {
        line.append('-');
      } else {
        line.append(value.length()).append(':').append(value);
      }
      line.append('\n');
    }
    sha.reset();
    sha.update(context);
    sha.update(line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long hash = java.nio.ByteBuffer.wrap(sha.digest()).getLong();
    return hash == 0 ? 1 : hash;
  }

  @Test
  void theBytesDigestedAreThoseOfTheFirstVersionWhateverTheValuesHold() throws Exception {
    LineFingerprint print = new LineFingerprint(ImportLayout.YARDI, "US");
    String longValue = "x".repeat(3000) + "é" + "y".repeat(700);
    for (Map<ResidentField, String> line :
        List.of(
            ANA,
            values("EXTERNAL_ID", "r2", "FIRST_NAME", "", "LAST_NAME", "O'Brien"),
            values("EXTERNAL_ID", "r3", "FIRST_NAME", "Zoë 😀", "LAST_NAME", "Łukasz-Ωmega"),
            values("EXTERNAL_ID", "r4", "FIRST_NAME", "broken \uD800 pair", "UNIT", "12\uDC00"),
            values("EXTERNAL_ID", "\uD83D", "FIRST_NAME", "ends high \uD83D", "UNIT", "\uDE00x"),
            values("EXTERNAL_ID", "r5", "FIRST_NAME", longValue, "LAST_NAME", longValue),
            values(
                "EXTERNAL_ID",
                "r6",
                "FIRST_NAME",
                "z".repeat(100),
                "LAST_NAME",
                "q".repeat(10),
                "UNIT",
                "w".repeat(99),
                "EMAIL",
                "e".repeat(1000)),
            values())) {
      assertEquals(asFirstWritten(ImportLayout.YARDI, "US", line), print.of(line), line.toString());
    }
  }

  @Test
  void theSameValuesGiveTheSameFingerprintWhateverTheirOrder() {
    LineFingerprint print = new LineFingerprint(ImportLayout.YARDI, "US");
    Map<ResidentField, String> reversed = new java.util.LinkedHashMap<>();
    List<ResidentField> fields = new java.util.ArrayList<>(ANA.keySet());
    java.util.Collections.reverse(fields);
    fields.forEach(f -> reversed.put(f, ANA.get(f)));
    assertEquals(print.of(ANA), print.of(reversed));
    assertEquals(print.of(ANA), new LineFingerprint(ImportLayout.YARDI, "US").of(ANA));
  }

  @Test
  void anyChangeOfAValueOrOfWhatDecidesItsMeaningGivesAnother() {
    LineFingerprint print = new LineFingerprint(ImportLayout.YARDI, "US");
    long ana = print.of(ANA);
    for (ResidentField field : ResidentField.values()) {
      Map<ResidentField, String> changed = new EnumMap<>(ANA);
      changed.put(field, ANA.getOrDefault(field, "") + "x");
      assertNotEquals(ana, print.of(changed), field.name());
      Map<ResidentField, String> empty = new EnumMap<>(ANA);
      empty.put(field, "");
      Map<ResidentField, String> absent = new EnumMap<>(ANA);
      absent.remove(field);
      assertNotEquals(print.of(empty), print.of(absent), "empty is not absent: " + field);
    }
    // values that run together alike are still told apart
    assertNotEquals(
        print.of(values("FIRST_NAME", "Ana B", "LAST_NAME", "C")),
        print.of(values("FIRST_NAME", "Ana", "LAST_NAME", "B C")));
    assertNotEquals(ana, new LineFingerprint(ImportLayout.YARDI, "CA").of(ANA), "another country");
    assertNotEquals(ana, new LineFingerprint(ImportLayout.ENTRATA, "US").of(ANA), "another layout");
    ImportLayout mapping =
        ImportLayout.mapping(
            "mine", ImportLayout.YARDI.columns(), List.of("current"), List.of("past", "notice"));
    ImportLayout other =
        ImportLayout.mapping(
            "mine", ImportLayout.YARDI.columns(), List.of("current", "notice"), List.of("past"));
    assertNotEquals(
        new LineFingerprint(mapping, "US").of(ANA),
        new LineFingerprint(other, "US").of(ANA),
        "a status that changed sides");
  }
}
