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

  /**
   * Characters for the parser that did not fit its buffer (at most one for each read: a held quote
   * and the character after it come out together).
   */
  private final StringBuilder spill = new StringBuilder();

  /** Where {@link #emit} writes: the parser's buffer of the read under way, up to its limit. */
  private char[] target;

  private int out;
  private int limit;

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

  /**
   * Reads at most {@code length} characters of the file (one character of it gives at most two, so
   * at most one is left over for the next read) and writes what the parser is to see straight into
   * its buffer.
   */
  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (spill.length() > 0) {
      int n = Math.min(length, spill.length());
      spill.getChars(0, n, buffer, offset);
      spill.delete(0, n);
      return n;
    }
    target = buffer;
    out = offset;
    limit = offset + length;
    while (out == offset) {
      int n = in.read(chunk, 0, Math.min(chunk.length, length));
      if (n < 0) {
        if (quoteHeld) {
          quoteHeld = false;
          emit('"'); // the file ends with a value's closing quote
        }
        break;
      }
      for (int i = 0; i < n; i++) {
        accept(chunk[i]);
      }
    }
    target = null;
    return out == offset ? -1 : out - offset;
  }

  private void emit(char c) {
    if (out < limit) {
      target[out++] = c;
    } else {
      spill.append(c);
    }
  }

  @Override
  public boolean ready() throws IOException {
    return spill.length() > 0 || in.ready();
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
          emit('"');
          emit('"');
        }
        return;
      }
      emit('"'); // the held quote closed the value
      quoted = false;
    }
    if (quoted) {
      if (c == '"') {
        quoteHeld = true;
      } else if (count()) {
        emit(c);
      }
      return;
    }
    if (c == ',' || c == '\n') {
      fieldLength = 0;
      atFieldStart = true;
      if (c == '\n') {
        record++;
      }
      emit(c);
      return;
    }
    if (c == '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      emit(c);
      return;
    }
    atFieldStart = false;
    if (c == '\r' || count()) {
      emit(c);
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
