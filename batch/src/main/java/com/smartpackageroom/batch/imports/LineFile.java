package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.InvalidRowException;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.imports.ResidentRows;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The lines of an import file for the read step, a batch at a time: each non-blank line after
 * {@code storedBefore} (the lines an earlier run stored) becomes a good resident or a refused line
 * with its reason. More than {@code skipLimit} refused lines (in this run, those refused later as
 * duplicates included) end the reading with {@link SkipLimitExceeded}.
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
  private final LineFingerprint fingerprint;
  private final KnownResidents known;
  private long recordsRead;
  private long lastLineEnd;
  private long refused;
  private boolean ended;

  LineFile(Reader text, ImportLayout layout, String region, long storedBefore, long skipLimit)
      throws IOException {
    this(text, layout, region, storedBefore, skipLimit, new KnownResidents().seal());
  }

  /**
   * @param known the site's residents with the fingerprints of their last applied lines: a line of
   *     one of them is handed on as maybe unchanged, not read in full
   */
  LineFile(
      Reader text,
      ImportLayout layout,
      String region,
      long storedBefore,
      long skipLimit,
      KnownResidents known)
      throws IOException {
    this.known = known;
    this.fingerprint = new LineFingerprint(layout, region);
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

  /** The site's residents the lines may leave unchanged. */
  KnownResidents known() {
    return known;
  }

  /** Whether every line has been read. */
  boolean ended() {
    return ended;
  }

  /** A line as read, before it is checked: its values by field, or why they cannot be read. */
  private record Raw(long line, EnumMap<ResidentField, String> values, String problem) {}

  /**
   * The next lines to store, at most {@code max}, in file order; none at the end of the file. They
   * are read one after the other and then checked and normalised (the costly part: phone numbers
   * above all) in parallel on {@code executor}'s threads when there is one.
   */
  List<StagedLine> next(int max, Executor executor) {
    List<Raw> raws = new ArrayList<>(Math.min(max, 4096));
    Raw raw;
    while (raws.size() < max && (raw = readRaw()) != null) {
      raws.add(raw);
    }
    List<StagedLine> staged = new ArrayList<>(raws.size());
    int parts = executor == null || raws.size() < 256 ? 1 : PARALLELISM;
    int size = (raws.size() + parts - 1) / Math.max(1, parts);
    List<CompletableFuture<List<StagedLine>>> others = new ArrayList<>();
    for (int from = size; from < raws.size(); from += size) {
      List<Raw> part = raws.subList(from, Math.min(raws.size(), from + size));
      others.add(CompletableFuture.supplyAsync(() -> stageAll(part), executor));
    }
    staged.addAll(stageAll(raws.subList(0, Math.min(size, raws.size()))));
    try {
      for (CompletableFuture<List<StagedLine>> other : others) {
        staged.addAll(other.join());
      }
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    for (StagedLine line : staged) {
      if (line.error() != null) {
        refusedElsewhere(1);
      }
    }
    return staged;
  }

  /**
   * Counts lines refused after they were read (a resident id an earlier line holds) against the
   * skip limit, as the lines refused here.
   */
  void refusedElsewhere(long lines) {
    refused += lines;
    if (refused > skipLimit) {
      throw new SkipLimitExceeded(skipLimit);
    }
  }

  /** Threads that check lines at once. */
  private static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());

  private List<StagedLine> stageAll(List<Raw> raws) {
    List<StagedLine> staged = new ArrayList<>(raws.size());
    for (Raw raw : raws) {
      staged.add(stage(raw));
    }
    return staged;
  }

  private StagedLine stage(Raw raw) {
    if (raw.problem() != null) {
      // the id as a good line stores it (stripped), so that a full import still finds the
      // resident of a refused line in the file and does not move them out
      String id = raw.values().get(ResidentField.EXTERNAL_ID);
      String stored = id == null || id.indexOf('\0') >= 0 || id.isBlank() ? null : id.strip();
      return StagedLine.refused(raw.line(), stored, raw.problem());
    }
    long print = fingerprint.of(raw.values());
    int resident = known.unclaimed(print);
    String id = raw.values().get(ResidentField.EXTERNAL_ID);
    // the resident of that fingerprint holds the line's id, as a good line stores it: a
    // fingerprint shared by two different lines never takes one for the other
    if (resident >= 0 && id != null && id.strip().equals(known.externalId(resident))) {
      return StagedLine.unchanged(raw.line(), print, resident, raw.values());
    }
    return check(raw.line(), raw.values(), print);
  }

  /**
   * A line handed on as maybe unchanged, read in full after all: an earlier line of the file took
   * its resident or its resident id.
   */
  StagedLine check(StagedLine maybeUnchanged) {
    StagedLine line =
        check(maybeUnchanged.line(), maybeUnchanged.values(), maybeUnchanged.fingerprint());
    if (line.error() != null) {
      refusedElsewhere(1);
    }
    return line;
  }

  private StagedLine check(long line, Map<ResidentField, String> values, long print) {
    try {
      return StagedLine.good(ResidentRows.normalize(line, values, layout, region), print);
    } catch (InvalidRowException e) {
      return StagedLine.refused(e.line(), e.externalId(), e.reason());
    }
  }

  /** The next non-blank line after those stored before, as read; null at the end of the file. */
  private Raw readRaw() {
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
        return new Raw(line, values, problem);
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
