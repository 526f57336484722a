package com.smartpackageroom.ejb.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes CSV (RFC 4180: comma-separated, CRLF line ends, quotes where needed) that is safe to open
 * in a spreadsheet. A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return would be read as a formula there (CSV injection, see OWASP's "CSV Injection"), so
 * such a cell gets a leading single quote and is shown as text.
 */
public final class CsvWriter {

  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  /** One row; a null cell is written empty. */
  public CsvWriter row(Object... cells) {
    try {
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells[i]));
      }
      out.write("\r\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("The CSV could not be written", e);
    }
  }

  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("The CSV could not be written", e);
    }
  }

  /** A value as one cell: made inert when a spreadsheet would run it, quoted when needed. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = inert(value.toString());
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** The text, with a leading single quote if it starts as a formula would. */
  static String inert(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
