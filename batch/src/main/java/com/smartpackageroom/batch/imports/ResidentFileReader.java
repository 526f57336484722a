package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.imports.ResidentField;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the import file record by record. The checkpoint is the number of records read, so a
 * restarted step goes on after the last committed chunk.
 */
@Named
@jakarta.enterprise.context.Dependent
public class ResidentFileReader extends AbstractItemReader {

  @Inject JobContext job;

  @EJB ImportRecords records;

  @EJB ImportMappings mappings;

  @Inject ImportLines lines;

  @Inject ImportFiles files;

  /** A longer value skips its line (reported) rather than being buffered whole. */
  static final int MAX_FIELD = 10_000;

  private CSVParser parser;
  private FieldCap cap;
  private Iterator<CSVRecord> iterator;
  private Map<ResidentField, Integer> columns;
  private int headerSize;
  private long recordsRead;
  private long lastLineEnd;

  /** Lines up to this one were stored by an earlier run of the import (resumed after a stop). */
  private long storedBefore;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    RecipientImport imp = records.find(ImportJob.importId(job));
    if (imp.hasDone("read")) {
      iterator = Collections.emptyIterator();
      return;
    }
    ImportLayout layout = ImportJob.layout(mappings, imp);
    cap = new FieldCap(files.open(imp), MAX_FIELD);
    parser = ImportFiles.FORMAT.parse(cap);
    List<String> header = parser.getHeaderNames();
    headerSize = header.size();
    List<String> missing = layout.missingColumns(header);
    if (!missing.isEmpty()) {
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
    long skip = checkpoint == null ? 0 : (Long) checkpoint;
    storedBefore = checkpoint == null ? lines.lastLine(imp.getId()) : 0;
    while (recordsRead < skip && iterator.hasNext()) {
      iterator.next();
      recordsRead++;
      lastLineEnd = parser.getCurrentLineNumber();
    }
  }

  @Override
  public Object readItem() {
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
        return new RawLine(line, values, problem);
      }
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

  @Override
  public Serializable checkpointInfo() {
    return recordsRead;
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
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
