package com.smartpackageroom.batch.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a CSV file (RFC 4180: comma, double quotes, quoted line breaks) for the parser, but never
 * gives it more than {@code maxField} characters of one value: the rest of an oversized value is
 * dropped here, so that a line with a value of megabytes is not buffered, and the record is marked
 * for the reader to skip and report. Records are counted from 0, the header.
 */
final class FieldCap extends FilterReader {

  private final int maxField;
  private final Set<Long> cut = new HashSet<>();
  private boolean quoted;
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
    while (true) {
      int n = in.read(buffer, offset, length);
      if (n <= 0) {
        return n;
      }
      int kept = offset;
      for (int i = offset; i < offset + n; i++) {
        char c = buffer[i];
        if (c == '"') {
          // quotes are kept, so that the parser still finds where a value ends
          quoted = !quoted;
          buffer[kept++] = c;
          continue;
        }
        if (!quoted && (c == ',' || c == '\n')) {
          fieldLength = 0;
          if (c == '\n') {
            record++;
          }
          buffer[kept++] = c;
          continue;
        }
        if (c != '\r' && ++fieldLength > maxField) {
          cut.add(record);
          continue;
        }
        buffer[kept++] = c;
      }
      if (kept > offset) {
        return kept - offset;
      }
      // everything read was dropped: read on rather than answer 0, which means nothing to a reader
    }
  }
}
