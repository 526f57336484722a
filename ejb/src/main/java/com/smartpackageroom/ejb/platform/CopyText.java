package com.smartpackageroom.ejb.platform;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: values separated by tabs, a
 * row ended by a newline, {@code \N} for null, and a backslash, tab, newline or carriage return
 * inside a value escaped with a backslash.
 */
public final class CopyText {

  /** A moment to the microsecond with its offset, as PostgreSQL reads a timestamptz. */
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

  private final StringBuilder out;
  private boolean rowStarted;

  public CopyText(StringBuilder out) {
    this.out = out;
  }

  public CopyText value(String value) {
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

  public CopyText value(long value) {
    separate();
    out.append(value);
    return this;
  }

  public CopyText value(boolean value) {
    separate();
    out.append(value ? 't' : 'f');
    return this;
  }

  /**
   * A value of any of the kinds bulk rows hold (see {@link BulkSql#insert}): Long, Integer,
   * Boolean, OffsetDateTime, anything else as its text, or null.
   */
  public CopyText value(Object value) {
    if (value == null || value instanceof String) {
      return value((String) value);
    } else if (value instanceof Long l) {
      return value(l.longValue());
    } else if (value instanceof Integer i) {
      return value(i.longValue());
    } else if (value instanceof Boolean b) {
      return value(b.booleanValue());
    } else if (value instanceof OffsetDateTime t) {
      separate();
      MOMENT.formatTo(t, out);
      return this;
    }
    return value(value.toString());
  }

  /** Ends the row. */
  public void end() {
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
