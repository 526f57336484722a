package com.smartpackageroom.batch.imports;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The ranges of an apply step, from the lines after {@code appliedThrough} to the file's last line,
 * compared with their recipients a window of lines at a time: the first window is compared when the
 * first range is asked for, the next one once the ranges of the one before are used up. So no
 * statement compares a whole large file before the step shows progress, and the windows hold the
 * lines in order (each range follows the one before).
 */
final class PendingWindows implements Iterator<LineRange> {

  /** Compares the pending lines after one line through another with their recipients. */
  @FunctionalInterface
  interface Comparison {
    PendingWork between(long afterLine, long throughLine);
  }

  private final Comparison comparison;
  private final long lastLine;
  private final int window;
  private long compared;
  private PendingWork current;

  /**
   * @param appliedThrough the last line a committed transaction applied (0: none)
   * @param lastLine the file's last stored line
   * @param window lines compared by one statement, at least 1
   */
  PendingWindows(Comparison comparison, long appliedThrough, long lastLine, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive");
    }
    if (appliedThrough < 0) {
      throw new IllegalArgumentException("appliedThrough must not be negative");
    }
    this.comparison = comparison;
    this.lastLine = lastLine;
    this.window = window;
    this.compared = appliedThrough;
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (compared >= lastLine) {
        return false;
      }
      long through = Math.min(lastLine, compared + window);
      current = comparison.between(compared, through);
      compared = through;
    }
    return true;
  }

  @Override
  public LineRange next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
