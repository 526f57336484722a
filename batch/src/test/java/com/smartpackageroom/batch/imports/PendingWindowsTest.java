package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class PendingWindowsTest {

  /** The file: which lines are pending (good, not applied) and which of them are work. */
  private record File(LongPredicate pending, LongPredicate work, List<long[]> asked) {

    PendingWork between(long after, long through) {
      asked.add(new long[] {after, through});
      long[] encoded = new long[(int) (through - after)];
      int n = 0;
      for (long line = after + 1; line <= through; line++) {
        if (pending.test(line)) {
          encoded[n++] = PendingWork.encode(line, work.test(line));
        }
      }
      return new PendingWork(encoded, n, 3);
    }
  }

  private static List<LineRange> all(PendingWindows windows) {
    List<LineRange> ranges = new ArrayList<>();
    windows.forEachRemaining(ranges::add);
    return ranges;
  }

  @Test
  void everyPendingLineIsInExactlyOneRangeInTheOrderOfTheFile() {
    // 25 lines: every 4th refused (not pending), every 3rd unchanged, the rest work
    File file = new File(l -> l % 4 != 0, l -> l % 3 != 0, new ArrayList<>());
    List<LineRange> ranges = all(new PendingWindows(file::between, 0, 25, 10));

    assertEquals(3, file.asked().size(), "three windows: 1-10, 11-20, 21-25");
    assertArrayEquals(new long[] {0, 10}, file.asked().get(0));
    assertArrayEquals(new long[] {10, 20}, file.asked().get(1));
    assertArrayEquals(new long[] {20, 25}, file.asked().get(2));
    List<Long> work = new ArrayList<>();
    long unchanged = 0;
    long previous = 0;
    for (LineRange range : ranges) {
      assertTrue(range.to() > previous, "ranges follow one another");
      assertTrue(range.work().length <= 3, "at most the range's work");
      for (long line : range.work()) {
        assertTrue(line > previous && line <= range.to());
        work.add(line);
      }
      unchanged += range.unchanged();
      previous = range.to();
    }
    List<Long> expectedWork = new ArrayList<>();
    long expectedUnchanged = 0;
    for (long line = 1; line <= 25; line++) {
      if (line % 4 != 0) {
        if (line % 3 != 0) {
          expectedWork.add(line);
        } else {
          expectedUnchanged++;
        }
      }
    }
    assertEquals(expectedWork, work);
    assertEquals(expectedUnchanged, unchanged);
  }

  @Test
  void aResumedStepComparesOnlyTheLinesAfterThoseApplied() {
    File file = new File(l -> true, l -> true, new ArrayList<>());
    List<LineRange> ranges = all(new PendingWindows(file::between, 17, 25, 10));
    assertArrayEquals(new long[] {17, 25}, file.asked().get(0));
    assertEquals(1, file.asked().size());
    assertEquals(18, ranges.get(0).work()[0]);
    assertEquals(25, ranges.get(ranges.size() - 1).to());
  }

  @Test
  void windowsWithNothingPendingArePassedOver() {
    // only lines 3 and 95 are pending
    File file = new File(l -> l == 3 || l == 95, l -> true, new ArrayList<>());
    List<LineRange> ranges = all(new PendingWindows(file::between, 0, 100, 10));
    assertEquals(2, ranges.size());
    assertEquals(3, ranges.get(0).to());
    assertEquals(95, ranges.get(1).to());
    assertEquals(10, file.asked().size());
  }

  @Test
  void nothingToDoWhenEverythingIsApplied() {
    File file = new File(l -> true, l -> true, new ArrayList<>());
    PendingWindows windows = new PendingWindows(file::between, 25, 25, 10);
    assertFalse(windows.hasNext());
    assertThrows(NoSuchElementException.class, windows::next);
    assertTrue(file.asked().isEmpty(), "nothing compared");
  }

  @Test
  void aWindowMustHoldALine() {
    assertThrows(
        IllegalArgumentException.class, () -> new PendingWindows((a, t) -> null, 0, 10, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new PendingWindows((a, t) -> null, -1, 10, 5));
  }
}
