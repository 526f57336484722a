package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingWorkTest {

  private static PendingWork of(int maxWork, long[][] lines) {
    long[] encoded = new long[lines.length];
    for (int i = 0; i < lines.length; i++) {
      encoded[i] = PendingWork.encode(lines[i][0], lines[i][1] == 1);
    }
    return new PendingWork(encoded, encoded.length, maxWork);
  }

  private static List<LineRange> all(PendingWork work) {
    List<LineRange> ranges = new ArrayList<>();
    work.forEachRemaining(ranges::add);
    return ranges;
  }

  @Test
  void rangesHoldAtMostTheirWorkAndTheUnchangedLinesUpToTheNextWork() {
    // lines in any order: 2 work, 3 unchanged, 5 work, 6 unchanged, 7 unchanged, 9 work
    PendingWork work = of(2, new long[][] {{9, 1}, {3, 0}, {2, 1}, {7, 0}, {5, 1}, {6, 0}});
    assertEquals(6, work.size());
    List<LineRange> ranges = all(work);
    assertEquals(2, ranges.size());
    assertEquals(7, ranges.get(0).to());
    assertArrayEquals(new long[] {2, 5}, ranges.get(0).work());
    assertEquals(3, ranges.get(0).unchanged());
    assertEquals(9, ranges.get(1).to());
    assertArrayEquals(new long[] {9}, ranges.get(1).work());
    assertEquals(0, ranges.get(1).unchanged());
  }

  @Test
  void anUnchangedFileIsOneRangeWithoutWork() {
    List<LineRange> ranges = all(of(1000, new long[][] {{2, 0}, {3, 0}, {4, 0}}));
    assertEquals(1, ranges.size());
    assertEquals(4, ranges.get(0).to());
    assertEquals(0, ranges.get(0).work().length);
    assertEquals(3, ranges.get(0).unchanged());
  }

  @Test
  void nothingPendingIsNoRange() {
    assertFalse(of(10, new long[0][]).hasNext());
  }

  @Test
  void everyLineCountsOnceOverAllRanges() {
    long[][] lines = new long[10_001][];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = new long[] {i + 2, i % 3 == 0 ? 1 : 0};
    }
    long work = 0;
    long unchanged = 0;
    long last = 0;
    for (LineRange range : all(of(1000, lines))) {
      assertEquals(true, range.to() > last);
      for (long line : range.work()) {
        assertEquals(true, line > last && line <= range.to());
      }
      work += range.work().length;
      unchanged += range.unchanged();
      last = range.to();
    }
    assertEquals(3334, work);
    assertEquals(10_001 - 3334, unchanged);
    assertEquals(10_002, last);
  }
}
