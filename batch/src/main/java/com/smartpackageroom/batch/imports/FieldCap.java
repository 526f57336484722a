package com.smartpackageroom.batch.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a CSV file (RFC 4180 as Commons CSV reads it: comma, a double quote that opens a value
 * quotes it, two double quotes inside a quoted value stand for one, a quote inside an unquoted
 * value is an ordinary character) for the parser, but never gives it more than {@code maxField}
 * characters of one value: the rest of an oversized value is dropped here, so that a line with a
 * value of megabytes is not buffered, and the record is marked for the reader to skip and report.
 * Records are counted from 0, the header.
 */
final class FieldCap extends FilterReader {

  private final int maxField;
  private final Set<Long> cut = new HashSet<>();
  private final char[] chunk = new char[8192];

  /** Characters ready for the parser (at most two for each character of a chunk read). */
  private final StringBuilder ready = new StringBuilder();

  private boolean atFieldStart = true;
  private boolean quoted;

  /** A quote inside a quoted value, held: it closes the value unless another quote follows. */
  private boolean quoteHeld;

  private long record;
  private int fieldLength;

  FieldCap(Reader in, int maxField) {
    super(in);
    this.maxField = maxField;
  }

  /** Whether a value of record {@code index} (0: the header) was longer than the cap. */
  boolean wasCut(long index) {
    return cut.contains(index);
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (ready.length() == 0) {
      int n = in.read(chunk, 0, chunk.length);
      if (n < 0) {
        if (quoteHeld) {
          quoteHeld = false;
          ready.append('"'); // the file ends with a value's closing quote
        }
        if (ready.length() == 0) {
          return -1;
        }
        break;
      }
      for (int i = 0; i < n; i++) {
        accept(chunk[i]);
      }
    }
    int n = Math.min(length, ready.length());
    ready.getChars(0, n, buffer, offset);
    ready.delete(0, n);
    return n;
  }

  @Override
  public boolean ready() throws IOException {
    return ready.length() > 0 || in.ready();
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Follows the value the character belongs to, and passes it on unless the value is too long. */
  private void accept(char c) {
    if (quoteHeld) {
      quoteHeld = false;
      if (c == '"') {
        // an escaped quote: one character of the value, both quotes kept or dropped together
        if (count()) {
          ready.append("\"\"");
        }
        return;
      }
      ready.append('"'); // the held quote closed the value
      quoted = false;
    }
    if (quoted) {
      if (c == '"') {
        quoteHeld = true;
      } else if (count()) {
        ready.append(c);
      }
      return;
    }
    if (c == ',' || c == '\n') {
      fieldLength = 0;
      atFieldStart = true;
      if (c == '\n') {
        record++;
      }
      ready.append(c);
      return;
    }
    if (c == '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      ready.append(c);
      return;
    }
    atFieldStart = false;
    if (c == '\r' || count()) {
      ready.append(c);
    }
  }

  /** Counts a character of a value; false (dropped) beyond the cap, and the record is marked. */
  private boolean count() {
    if (++fieldLength > maxField) {
      cut.add(record);
      return false;
    }
    return true;
  }
}
