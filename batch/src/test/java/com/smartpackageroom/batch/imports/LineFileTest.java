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
import java.util.Map;
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
  void theUnseenAreThoseOfWhoseIdNoLineWasStoredNorLeftUnchanged() throws IOException {
    KnownResidents known =
        remembered(
            HEADER
                + line(1, "a@example.org")
                + line(2, "b@example.org")
                + line(3, "c@x.org")
                + line(4, "d@x.org")
                + line(5, "e@x.org"),
            10,
            11,
            12,
            13,
            14);
    String csv =
        HEADER
            + line(1, "a@example.org") // 2: unchanged
            + line(2, "new@example.org") // 3: r0002 changed, stored
            + line(3, "not an address") // 4: r0003's line refused: the database looks for it
            + line(5, "e@x.org") // 5: unchanged
            + line(5, "e2@x.org"); // 6: r0005 again: refused, its resident left unchanged above
    // r0004 is absent from the file
    try (LineFile file =
        new LineFile(new StringReader(csv), ImportLayout.YARDI, "US", 0, 10, known)) {
      IdHashes seen = new IdHashes();
      ImportLines.Tally tally = new ImportLines.Tally();
      List<Long> refused = new java.util.ArrayList<>();
      for (StagedLine line : file.next(100, null)) {
        StagedLine decided = ImportLines.decide(line, file, seen, tally);
        if (decided != null && decided.error() != null) {
          refused.add(decided.line());
        }
      }
      assertEquals(List.of(4L, 6L), refused);
      long[] unseen = known.unseen();
      java.util.Arrays.sort(unseen);
      assertArrayEquals(new long[] {12, 13}, unseen, "r0003 (its line refused) and r0004");
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
      // r0003 was claimed by no line, but line 3 holds its id: in the file, so not unseen
      assertArrayEquals(new long[0], known.unseen());
    }
  }

  /** A file of many lines, with blank, short and invalid ones among them. */
  private static String mixed(int lines) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int n = 1; n <= lines; n++) {
      csv.append(
          n % 997 == 0
              ? ",,,,,,,,,,\r\n"
              : n % 13 == 0
                  ? "RIVERSIDE,101,,Current,A,B,a@example.org,,,,\r\n"
                  : n % 101 == 0 ? "RIVERSIDE,103,r0003\r\n" : line(n, "x" + n + "@y.org"));
    }
    return csv.toString();
  }

  /** Every line of the file, taken {@code max} at a time. */
  private static List<StagedLine> all(LineFile file, int max) {
    List<StagedLine> lines = new java.util.ArrayList<>();
    List<StagedLine> batch;
    while (!file.ended() && !(batch = file.next(max, null)).isEmpty()) {
      lines.addAll(batch);
    }
    assertTrue(file.ended());
    assertTrue(file.next(max, null).isEmpty());
    return lines;
  }

  private static String describe(StagedLine line) {
    return line.line()
        + " "
        + (line.row() == null ? line.externalId() + " " + line.error() : line.row().toString());
  }

  @Test
  void aFileReadAheadByAThreadOfItsOwnGivesTheSameLinesInTheSameOrder() throws IOException {
    String csv = mixed(20_000);
    List<String> alone;
    try (LineFile file = file(csv, 1_000, 100_000)) {
      alone = all(file, 4096).stream().map(LineFileTest::describe).toList();
    }
    List<Thread> started = new java.util.ArrayList<>();
    for (int max : new int[] {1, 777, 4096, 10_000}) {
      try (LineFile file =
          new LineFile(
              new StringReader(csv),
              ImportLayout.YARDI,
              "US",
              1_000,
              100_000,
              new KnownResidents().seal(),
              r -> {
                Thread t = new Thread(r);
                started.add(t);
                return t;
              })) {
        assertEquals(alone, all(file, max).stream().map(LineFileTest::describe).toList());
      }
    }
    assertEquals(4, started.size());
    assertEquals(19_001 - 19, alone.size(), "lines 1001 on, the blank ones skipped");
    for (Thread t : started) {
      assertTrue(!t.isAlive(), "the reading thread ends with the file");
    }
  }

  /** The lines handed on, 1 000 at a time, before the read failed; and the failure. */
  private static Map.Entry<Long, String> untilFailure(LineFile file) {
    long read = 0;
    try {
      List<StagedLine> batch;
      while (!(batch = file.next(1000, null)).isEmpty()) {
        read += batch.size();
      }
    } catch (IllegalStateException e) {
      return Map.entry(read, e.getMessage());
    }
    throw new AssertionError("the read did not fail");
  }

  @Test
  void aFileReadAheadThatIsNotValidCsvFailsWhereItFailsWhenReadAlone() throws IOException {
    String csv = mixed(9_000) + "RIVERSIDE,1,\"r9,Current\r\n"; // a quote never closed
    Map.Entry<Long, String> alone;
    try (LineFile file = file(csv, 0, 100_000)) {
      alone = untilFailure(file);
    }
    assertTrue(alone.getValue().contains("not valid CSV"), alone.getValue());
    assertEquals(8_000, alone.getKey(), "the lines before the batch of the unclosed quote");
    try (LineFile file =
        new LineFile(
            new StringReader(csv),
            ImportLayout.YARDI,
            "US",
            0,
            100_000,
            new KnownResidents().seal(),
            Thread::new)) {
      assertEquals(alone, untilFailure(file));
    }
  }

  @Test
  void closingAFileHalfReadStopsItsReadingThread() throws IOException {
    Thread[] reader = new Thread[1];
    try (LineFile file =
        new LineFile(
            new StringReader(mixed(50_000)),
            ImportLayout.YARDI,
            "US",
            0,
            100_000,
            new KnownResidents().seal(),
            r -> reader[0] = new Thread(r))) {
      assertEquals(10, file.next(10, null).size());
    }
    assertTrue(!reader[0].isAlive(), "stopped with the file");
  }

  @Test
  void aReadingThreadGoneWithoutAWordFailsTheReadInsteadOfLeavingItWaiting() throws IOException {
    try (LineFile file =
        new LineFile(
            new StringReader(mixed(100)),
            ImportLayout.YARDI,
            "US",
            0,
            100_000,
            new KnownResidents().seal(),
            r -> new Thread(() -> {}))) { // a thread that never runs the reading
      IllegalStateException stopped =
          assertThrows(IllegalStateException.class, () -> file.next(10, null));
      assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
    }
  }

  @Test
  void aBatchOfLongValuesEndsEarlyAndNoLineIsLost() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    String longName = "N".repeat(9_000);
    for (int n = 1; n <= 1_000; n++) {
      csv.append(
          String.format(
              "RIVERSIDE,%d,r%04d,Current,%s,Last%d,x%d@y.org,,,,\r\n", n, n, longName, n, n));
    }
    try (LineFile file = file(csv.toString(), 0, 100_000)) {
      int first = file.next(4096, null).size();
      assertTrue(first > 0 && first < 1_000, "a first batch of " + first + " lines");
      assertEquals(1_000, first + all(file, 4096).size());
    }
    // read ahead: the caller's batch ends as early, however many short batches wait for it
    try (LineFile file =
        new LineFile(
            new StringReader(csv.toString()),
            ImportLayout.YARDI,
            "US",
            0,
            100_000,
            new KnownResidents().seal(),
            Thread::new)) {
      Thread.sleep(500); // the reading thread fills its queue
      int first = file.next(4096, null).size();
      assertTrue(first > 0 && first < 1_000, "a first batch of " + first + " lines");
      assertEquals(1_000, first + all(file, 4096).size());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
