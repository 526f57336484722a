package com.smartpackageroom.batch.imports;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: values separated by tabs, a
 * row ended by a newline, {@code \N} for null, and a backslash, tab, newline or carriage return
 * inside a value escaped with a backslash.
 */
final class CopyText {

  private final StringBuilder out;
  private boolean rowStarted;

  CopyText(StringBuilder out) {
    this.out = out;
  }

  CopyText value(String value) {
    separate();
    if (value == null) {
      out.append("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return this;
  }

  CopyText value(long value) {
    separate();
    out.append(value);
    return this;
  }

  CopyText value(boolean value) {
    separate();
    out.append(value ? 't' : 'f');
    return this;
  }

  /** Ends the row. */
  void end() {
    out.append('\n');
    rowStarted = false;
  }

  private void separate() {
    if (rowStarted) {
      out.append('\t');
    }
    rowStarted = true;
  }
}
