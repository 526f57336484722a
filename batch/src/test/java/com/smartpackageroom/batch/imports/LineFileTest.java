package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.imports.ImportLayout;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFileTest {

  private static final String HEADER =
      "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,Move In,Move Out\r\n";

  private static String line(int n, String email) {
    return String.format(
        "RIVERSIDE,%d,r%04d,Current,First%d,Last%d,%s,(212) 555-%04d,,01/01/2024,\r\n",
        100 + n, n, n, n, email, n);
  }

  private static LineFile file(String csv, long storedBefore, long skipLimit) throws IOException {
    return new LineFile(new StringReader(csv), ImportLayout.YARDI, "US", storedBefore, skipLimit);
  }

  @Test
  void linesRefusedLaterAsDuplicatesCountAgainstTheSkipLimitWithTheOthers() throws IOException {
    String csv = HEADER + line(1, "a@example.org") + line(2, "not an email");
    try (LineFile file = file(csv, 0, 2)) {
      file.next(10, null); // one bad line
      file.refusedElsewhere(1); // one duplicate: two refused, the limit
      assertThrows(SkipLimitExceeded.class, () -> file.refusedElsewhere(1));
    }
  }

  @Test
  void goodAndBadLinesComeInFileOrderWithTheirLineNumbers() throws IOException {
    String csv =
        HEADER
            + line(1, "a@example.org")
            + ",,,,,,,,,,\r\n"
            + "RIVERSIDE,102,r0002,Current,,,b@example.org,,,,\r\n"
            + "RIVERSIDE,103,r0003\r\n"
            + line(4, "d@example.org");
    try (LineFile file = file(csv, 0, 10)) {
      List<StagedLine> lines = file.next(10, null);
      assertEquals(4, lines.size());
      assertTrue(file.next(10, null).isEmpty());
      assertTrue(file.ended());
      StagedLine first = lines.get(0);
      assertEquals(2, first.line());
      assertEquals("r0001", first.row().externalId());
      assertEquals("+12125550001", first.row().phone());
      assertNull(first.error());
      StagedLine noName = lines.get(1); // line 3 is blank: skipped, not reported
      assertEquals(4, noName.line());
      assertNull(noName.row());
      assertEquals("r0002", noName.externalId());
      assertTrue(noName.error().contains("no name"), noName.error());
      StagedLine short3 = lines.get(2);
      assertEquals(5, short3.line());
      assertTrue(short3.error().contains("3 values where the header has 11"), short3.error());
      assertEquals(6, lines.get(3).line());
    }
  }

  @Test
  void linesCheckedInParallelComeInFileOrder() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int n = 1; n <= 3000; n++) {
      csv.append(
          n % 7 == 0 ? "RIVERSIDE,101,,Current,A,B,a@example.org,,,,\r\n" : line(n, "x@y.org"));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try (LineFile file = file(csv.toString(), 0, 10_000)) {
      List<StagedLine> lines = new java.util.ArrayList<>();
      List<StagedLine> batch;
      while (!(batch = file.next(1000, pool)).isEmpty()) {
        lines.addAll(batch);
      }
      assertEquals(3000, lines.size());
      for (int i = 0; i < lines.size(); i++) {
        assertEquals(i + 2, lines.get(i).line());
        assertEquals((i + 1) % 7 == 0, lines.get(i).row() == null, "line " + (i + 2));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aResumedReadGoesOnAfterTheLinesStoredBefore() throws IOException {
    String csv = HEADER + line(1, "a@example.org") + line(2, "b@example.org") + line(3, "c@x.org");
    try (LineFile file = file(csv, 3, 10)) {
      List<StagedLine> lines = file.next(10, null);
      assertEquals(1, lines.size());
      assertEquals(4, lines.get(0).line());
    }
  }

  @Test
  void moreRefusedLinesThanTheLimitEndTheRead() throws IOException {
    String bad = "RIVERSIDE,101,,Current,A,B,a@example.org,,,,\r\n";
    try (LineFile file = file(HEADER + bad + bad, 0, 2)) {
      assertEquals(2, file.next(10, null).size());
    }
    try (LineFile file = file(HEADER + bad + bad + bad, 0, 2)) {
      assertThrows(SkipLimitExceeded.class, () -> file.next(10, null));
    }
  }

  /** The fingerprints of the file's good lines, as a first import remembers them. */
  private static KnownResidents remembered(String csv, long... recipientIds) throws IOException {
    KnownResidents known = new KnownResidents();
    try (LineFile file = file(csv, 0, 10)) {
      int i = 0;
      for (StagedLine line : file.next(100, null)) {
        known.add(recipientIds[i++], line.row().externalId(), line.fingerprint(), true);
      }
    }
    return known.seal();
  }

  @Test
  void aLineLastAppliedToItsResidentIsTakenAsUnchangedOnceAndOnlyWithoutAnEarlierLineOfItsId()
      throws IOException {
    KnownResidents known =
        remembered(
            HEADER + line(1, "a@example.org") + line(2, "b@example.org") + line(3, "c@x.org"),
            10,
            11,
            12);
    String csv =
        HEADER
            + line(1, "a@example.org") // 2: unchanged
            + line(3, "new@example.org") // 3: r0003 changed
            + line(1, "a@example.org") // 4: the same line again
            + line(2, "b@example.org") // 5: unchanged
            + line(3, "c@x.org"); // 6: as before, but r0003 is on line 3
    try (LineFile file =
        new LineFile(new StringReader(csv), ImportLayout.YARDI, "US", 0, 10, known)) {
      List<StagedLine> lines = file.next(100, null);
      assertTrue(lines.get(0).maybeUnchanged());
      assertNull(lines.get(0).row(), "not read in full");
      assertNotNull(lines.get(1).row());
      IdHashes seen = new IdHashes();
      ImportLines.Tally tally = new ImportLines.Tally();
      List<StagedLine> stored = new java.util.ArrayList<>();
      for (StagedLine line : lines) {
        StagedLine decided = ImportLines.decide(line, file, seen, tally);
        if (decided != null) {
          stored.add(decided);
        }
      }
      assertEquals(2, tally.unchanged, "lines 2 and 5");
      assertEquals(List.of(3L, 4L, 6L), stored.stream().map(StagedLine::line).toList());
      assertEquals("new@example.org", stored.get(0).row().email());
      assertNotEquals(0, stored.get(0).fingerprint());
      assertEquals("resident id r0001 already on line 2", stored.get(1).error());
      assertEquals("r0001", stored.get(1).externalId());
      assertEquals(1, tally.refused);
      // line 6 leaves r0003 as remembered, but line 3 named r0003 first: read in full, and a
      // suspect for the database's check against the stored line 3
      assertEquals("c@x.org", stored.get(2).row().email());
      assertArrayEquals(new long[] {6}, tally.staged().suspects());
      assertEquals(2, known.claimed());
      long[] unseen = known.unseen();
      assertArrayEquals(new long[] {12}, unseen, "r0003 was claimed by no line");
    }
  }
}
