package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.InvalidRowException;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.imports.ResidentRows;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The lines of an import file, read, checked and normalised one after the other in a tight loop for
 * the read step: each non-blank line after {@code storedBefore} (the lines an earlier run stored)
 * becomes a good resident or a refused line with its reason. More than {@code skipLimit} refused
 * lines (in this run) end the reading with {@link SkipLimitExceeded}.
 */
public final class LineFile implements Closeable {

  /** A longer value skips its line (reported) rather than being buffered whole. */
  static final int MAX_FIELD = 10_000;

  private final CSVParser parser;
  private final FieldCap cap;
  private final Iterator<CSVRecord> iterator;
  private final Map<ResidentField, Integer> columns;
  private final int headerSize;
  private final ImportLayout layout;
  private final String region;
  private final long storedBefore;
  private final long skipLimit;
  private long recordsRead;
  private long lastLineEnd;
  private long refused;
  private boolean ended;

  LineFile(Reader text, ImportLayout layout, String region, long storedBefore, long skipLimit)
      throws IOException {
    this.layout = layout;
    this.region = region;
    this.storedBefore = storedBefore;
    this.skipLimit = skipLimit;
    cap = new FieldCap(text, MAX_FIELD);
    parser = ImportFiles.FORMAT.parse(cap);
    List<String> header = parser.getHeaderNames();
    headerSize = header.size();
    List<String> missing = layout.missingColumns(header);
    if (!missing.isEmpty()) {
      parser.close();
      // a site mapping changed since the upload, whose check the file passed
      throw new IllegalStateException(
          "The file has no column "
              + String.join(", ", missing)
              + " that layout "
              + layout.apiName()
              + " now needs: the mapping was changed after the upload");
    }
    columns = layout.positions(header);
    iterator = parser.iterator();
    lastLineEnd = parser.getCurrentLineNumber();
  }

  /** Whether every line has been read. */
  boolean ended() {
    return ended;
  }

  /** The next line to store, or null at the end of the file. */
  StagedLine next() {
    try {
      while (iterator.hasNext()) {
        CSVRecord record = iterator.next();
        recordsRead++;
        long line = lastLineEnd + 1;
        lastLineEnd = parser.getCurrentLineNumber();
        if (line <= storedBefore || isBlank(record)) {
          continue;
        }
        EnumMap<ResidentField, String> values = new EnumMap<>(ResidentField.class);
        for (Map.Entry<ResidentField, Integer> c : columns.entrySet()) {
          if (c.getValue() < record.size()) {
            values.put(c.getKey(), record.get(c.getValue()));
          }
        }
        String problem =
            cap.wasCut(recordsRead)
                ? "has a value longer than " + MAX_FIELD + " characters"
                : record.size() == headerSize
                    ? null
                    : "has " + record.size() + " values where the header has " + headerSize;
        if (problem != null) {
          return refuse(line, values.get(ResidentField.EXTERNAL_ID), problem);
        }
        try {
          return StagedLine.good(ResidentRows.normalize(line, values, layout, region));
        } catch (InvalidRowException e) {
          return refuse(e.line(), e.externalId(), e.reason());
        }
      }
      ended = true;
      return null;
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(
          ImportFiles.isEncodingProblem(e)
              ? "The file is not UTF-8 text (near line " + (lastLineEnd + 1) + ")"
              : "The file is not valid CSV near line "
                  + (lastLineEnd + 1)
                  + " (an unclosed quote?)",
          e);
    }
  }

  private StagedLine refuse(long line, String externalId, String reason) {
    if (++refused > skipLimit) {
      throw new SkipLimitExceeded(skipLimit);
    }
    return StagedLine.refused(line, externalId, reason);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
