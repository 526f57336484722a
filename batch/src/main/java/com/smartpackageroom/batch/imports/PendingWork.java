package com.smartpackageroom.batch.imports;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The good lines an apply step has still to apply, each marked as work (new, changed, moving out or
 * back in: the database found no recipient that holds exactly what it says) or unchanged, cut into
 * ranges of at most {@code maxWork} lines of work each. Held as one sorted array of {@code line * 2
 * + work}: a million lines take 8 MB.
 */
public final class PendingWork implements Iterator<LineRange> {

  private final long[] lines;
  private final int maxWork;
  private int next;

  /**
   * @param encoded {@code line * 2 + (work ? 1 : 0)} for each pending line, in any order (sorted
   *     here)
   */
  PendingWork(long[] encoded, int size, int maxWork) {
    if (maxWork < 1) {
      throw new IllegalArgumentException("maxWork must be positive");
    }
    this.lines = Arrays.copyOf(encoded, size);
    Arrays.sort(this.lines);
    this.maxWork = maxWork;
  }

  static long encode(long line, boolean work) {
    return line * 2 + (work ? 1 : 0);
  }

  /** How many lines are pending in all. */
  int size() {
    return lines.length;
  }

  @Override
  public boolean hasNext() {
    return next < lines.length;
  }

  /**
   * The next range: up to and including its {@code maxWork}-th line of work, or to the last line
   * when fewer are left.
   */
  @Override
  public LineRange next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long[] work = new long[maxWork];
    int found = 0;
    long unchanged = 0;
    long to = 0;
    while (next < lines.length && found < maxWork) {
      long encoded = lines[next++];
      to = encoded >>> 1;
      if ((encoded & 1) == 1) {
        work[found++] = to;
      } else {
        unchanged++;
      }
    }
    if (found == maxWork) {
      // the unchanged lines up to the next line of work go with this range: nothing to do for them
      while (next < lines.length && (lines[next] & 1) == 0) {
        to = lines[next++] >>> 1;
        unchanged++;
      }
    }
    return new LineRange(to, Arrays.copyOf(work, found), unchanged);
  }
}
