package com.smartpackageroom.batch.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records of an import file, read as Commons CSV reads RFC 4180 (a comma between values; a
 * record ends at CR LF, LF or a lone CR; a double quote that opens a value quotes it, two inside
 * stand for one, and only white space may follow the closing one; a quote inside an unquoted value
 * is an ordinary character; an empty line is a record of one empty value), in one pass over the
 * text made for files of a million lines: only the values of the columns asked for become strings,
 * and no value gives more than {@code maxField} characters (the rest is dropped and the record
 * marked {@link #cut}, so that a value of megabytes is never held). Line numbers as Commons CSV
 * counts them: each CR, and each LF that does not follow a CR, inside quoted values too. {@code
 * CsvRecordsTest} reads a table of files, and thousands of random ones, through both and compares.
 */
final class CsvRecords implements Closeable {

  /**
   * Values a record may have when all are kept (the header): a file's header is read whole, and a
   * line of millions of commas must not become millions of strings.
   */
  static final int MAX_COLUMNS = 1_000;

  /** Characters of all values together that a record may have when all are kept (the header). */
  static final int MAX_HEADER_CHARS = 64 * 1024;

  /**
   * A record where all are kept (the header) of more than {@link #MAX_COLUMNS} values or {@link
   * #MAX_HEADER_CHARS} characters.
   */
  static final class OversizedHeader extends IOException {
    OversizedHeader(String message) {
      super(message);
    }
  }

  /** Values a record may have at most where only some are kept (none of the files we read). */
  private static final int MAX_VALUES = Integer.MAX_VALUE - 1;

  private enum End {
    VALUE,
    RECORD,
    FILE
  }

  private final Reader in;
  private final int maxField;
  private final char[] buffer;
  private int pos;
  private int end;
  private boolean drained;

  /** The last record ended with the file. */
  private boolean ended;

  private long lineBreaks;

  /** The last character taken was a CR (an LF right after it ends no other line). */
  private boolean afterCr;

  /** Which columns' values to keep; null: all. */
  private boolean[] kept;

  private String[] values = new String[16];
  private int size;
  private boolean blank;
  private boolean cut;

  /** The value under way, when it does not lie whole in the buffer. */
  private final StringBuilder part = new StringBuilder();

  /** Characters of the value under way (all of them, those beyond the cap included). */
  private long length;

  /** Characters of the values kept in the record so far, when all are kept. */
  private long keptChars;

  CsvRecords(Reader in, int maxField) {
    this(in, maxField, 64 * 1024);
  }

  /** With a buffer of {@code bufferSize} characters (tests try values across its edges). */
  CsvRecords(Reader in, int maxField, int bufferSize) {
    if (maxField < 1 || bufferSize < 1) {
      throw new IllegalArgumentException("maxField " + maxField + ", bufferSize " + bufferSize);
    }
    this.in = in;
    this.maxField = maxField;
    this.buffer = new char[bufferSize];
  }

  /** Keeps the values of these columns only (0 is the first); all of them until called. */
  void keep(int... columns) {
    int n = 0;
    for (int c : columns) {
      n = Math.max(n, c + 1);
    }
    kept = new boolean[n];
    for (int c : columns) {
      kept[c] = true;
    }
    values = new String[Math.max(1, n)];
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the file
   * @throws IOException when the text cannot be read, or is not CSV there (a quoted value the file
   *     ends in, or a character other than white space after a closing quote)
   */
  boolean next() throws IOException {
    if (ended || peek() < 0) {
      ended = true;
      return false;
    }
    Arrays.fill(values, null);
    size = 0;
    keptChars = 0;
    blank = true;
    cut = false;
    End end;
    do {
      end = value();
    } while (end == End.VALUE);
    if (end == End.FILE) {
      // the file's last line, which no line break ends, counts as Commons CSV counts it
      lineBreaks++;
      ended = true;
    }
    return true;
  }

  /** Values in the record. */
  int size() {
    return size;
  }

  /**
   * The value of a column kept, as read (up to {@code maxField} characters); null for a column
   * beyond the record's values or not kept.
   */
  String value(int column) {
    return column < size && column < values.length ? values[column] : null;
  }

  /** The record's values, all of them (when all are kept: the header). */
  List<String> values() {
    List<String> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add(value(i));
    }
    return all;
  }

  /** Whether every value of the record is white space or empty (as far as the cap reads them). */
  boolean blank() {
    return blank;
  }

  /** Whether a value of the record was longer than the cap (and cut to it). */
  boolean cut() {
    return cut;
  }

  /**
   * The number of the line the last record ended on (as Commons CSV's current line number after
   * it): the next record begins on the line after it.
   */
  long lineNumber() {
    return lineBreaks;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads one value of the record and what ends it. */
  private End value() throws IOException {
    boolean keep = kept == null || (size < kept.length && kept[size]);
    length = 0;
    part.setLength(0);
    int c = peek();
    End end;
    if (c == '"') {
      pos++;
      afterCr = false;
      end = quoted(keep);
    } else {
      end = simple(keep);
    }
    if (size == MAX_VALUES) {
      throw new IOException("A record has more than " + MAX_VALUES + " values");
    }
    size++;
    return end;
  }

  /** Where the buffer holds {@code stop}, an LF or a CR next from {@link #pos}; or its end. */
  private int scan(char stop) {
    char[] b = buffer;
    int e = end;
    int p = pos;
    while (p < e) {
      char ch = b[p];
      if (ch == stop || ch == '\n' || ch == '\r') {
        break;
      }
      p++;
    }
    return p;
  }

  /** An unquoted value: up to a comma, a line's end or the file's. */
  private End simple(boolean keep) throws IOException {
    while (true) {
      int from = pos;
      int p = scan(',');
      pos = p;
      if (p < end) {
        if (length == 0) {
          // the whole value lies in the buffer: no copy on the way
          whole(from, p - from, keep);
        } else {
          take(from, p - from, keep);
          keepPart(keep);
        }
        return afterValue(buffer[p]);
      }
      take(from, p - from, keep);
      if (!fill()) {
        keepPart(keep);
        return End.FILE;
      }
    }
  }

  /** A quoted value, its opening quote taken: up to its closing quote and what follows it. */
  private End quoted(boolean keep) throws IOException {
    while (true) {
      int from = pos;
      int p = scan('"');
      take(from, p - from, keep);
      pos = p;
      if (p == end) {
        if (!fill()) {
          throw new IOException("The file ends inside a quoted value");
        }
        continue;
      }
      char ch = buffer[p];
      pos++;
      if (ch != '"') {
        // a line break inside the value: part of it, and a line of the file
        if (ch == '\r' || !afterCr) {
          lineBreaks++;
        }
        take(ch, keep);
        afterCr = ch == '\r';
        continue;
      }
      afterCr = false;
      if (peek() == '"') {
        pos++;
        take('"', keep);
        continue;
      }
      break;
    }
    keepPart(keep);
    while (true) {
      int c = peek();
      if (c < 0) {
        return End.FILE;
      }
      if (c == ',' || c == '\n' || c == '\r') {
        return afterValue((char) c);
      }
      if (!Character.isWhitespace((char) c)) {
        throw new IOException("A character other than white space follows a closing quote");
      }
      pos++;
    }
  }

  /** Takes the comma or line break at {@link #pos} that ends a value. */
  private End afterValue(char ch) throws IOException {
    pos++;
    afterCr = false;
    if (ch == ',') {
      return End.VALUE;
    }
    lineBreaks++;
    if (ch == '\r' && peek() == '\n') {
      pos++;
    }
    return End.RECORD;
  }

  /** A whole value from the buffer. */
  private void whole(int from, int n, boolean keep) throws OversizedHeader {
    int taken = Math.min(n, maxField);
    if (n > maxField) {
      cut = true;
    }
    if (blank && !isBlank(from, taken)) {
      blank = false;
    }
    if (keep) {
      store(taken == 0 ? "" : new String(buffer, from, taken));
    }
  }

  /** Characters of the value under way from the buffer, as far as the cap lets them. */
  private void take(int from, int n, boolean keep) {
    if (n == 0) {
      return;
    }
    afterCr = false;
    int taken = (int) Math.max(0, Math.min(n, maxField - length));
    length += n;
    if (length > maxField) {
      cut = true;
    }
    if (taken == 0) {
      return;
    }
    if (blank && !isBlank(from, taken)) {
      blank = false;
    }
    if (keep) {
      part.append(buffer, from, taken);
    }
  }

  /** One character of the value under way (a line break or an escaped quote). */
  private void take(char ch, boolean keep) {
    length++;
    if (length > maxField) {
      cut = true;
      return;
    }
    if (blank && !Character.isWhitespace(ch)) {
      blank = false;
    }
    if (keep) {
      part.append(ch);
    }
  }

  private void keepPart(boolean keep) throws OversizedHeader {
    if (keep) {
      store(part.toString());
    }
  }

  private void store(String value) throws OversizedHeader {
    if (kept == null) {
      if (size >= MAX_COLUMNS) {
        throw new OversizedHeader("The header has more than " + MAX_COLUMNS + " columns");
      }
      keptChars += value.length();
      if (keptChars > MAX_HEADER_CHARS) {
        throw new OversizedHeader("The header is longer than " + MAX_HEADER_CHARS + " characters");
      }
    }
    if (size >= values.length) {
      values = Arrays.copyOf(values, Math.max(size + 1, values.length * 2));
    }
    values[size] = value;
  }

  private boolean isBlank(int from, int n) {
    for (int i = from; i < from + n; i++) {
      if (!Character.isWhitespace(buffer[i])) {
        return false;
      }
    }
    return true;
  }

  /** The next character without taking it; -1 at the end of the file. */
  private int peek() throws IOException {
    if (pos == end && !fill()) {
      return -1;
    }
    return buffer[pos];
  }

  /** Reads the next characters into the empty buffer; false at the end of the file. */
  private boolean fill() throws IOException {
    if (drained) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    pos = 0;
    if (n < 0) {
      end = 0;
      drained = true;
      return false;
    }
    end = n;
    return true;
  }
}
