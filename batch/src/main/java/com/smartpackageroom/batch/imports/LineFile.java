package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.InvalidRowException;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.imports.ResidentRows;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The lines of an import file for the read step, a batch at a time: each non-blank line after
 * {@code storedBefore} (the lines an earlier run stored) becomes a good resident or a refused line
 * with its reason. More than {@code skipLimit} refused lines (in this run, those refused later as
 * duplicates included) end the reading with {@link SkipLimitExceeded}. Given a thread factory, a
 * thread of its own parses the file ahead (a few batches at most) while the caller's threads check
 * and store the lines before: the reading ({@link CsvRecords}), the one part that cannot be shared
 * out, does not wait for the rest.
 */
public final class LineFile implements Closeable {

  /** A longer value skips its line (reported) rather than being buffered whole. */
  static final int MAX_FIELD = 10_000;

  private final CsvRecords records;
  private final Map<ResidentField, Integer> columns;
  private final int headerSize;
  private final ImportLayout layout;
  private final String region;
  private final long storedBefore;
  private final long skipLimit;
  private final LineFingerprint fingerprint;
  private final KnownResidents known;
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
    this(text, layout, region, storedBefore, skipLimit, known, null);
  }

  /**
   * @param known the site's residents with the fingerprints of their last applied lines: a line of
   *     one of them is handed on as maybe unchanged, not read in full
   * @param threads where a thread comes from that reads the file ahead (the CSV parser is one
   *     thread's work: it parses the next lines while the last are checked and stored), or null to
   *     read in the caller's thread
   */
  LineFile(
      Reader text,
      ImportLayout layout,
      String region,
      long storedBefore,
      long skipLimit,
      KnownResidents known,
      ThreadFactory threads)
      throws IOException {
    this.known = known;
    this.fingerprint = new LineFingerprint(layout, region);
    this.layout = layout;
    this.region = region;
    this.storedBefore = storedBefore;
    this.skipLimit = skipLimit;
    records = new CsvRecords(text, MAX_FIELD);
    List<String> header;
    try {
      header = records.next() ? records.values() : List.of();
    } catch (IOException | RuntimeException e) {
      records.close();
      throw e;
    }
    headerSize = header.size();
    List<String> missing = layout.missingColumns(header);
    if (!missing.isEmpty()) {
      records.close();
      // a site mapping changed since the upload, whose check the file passed
      throw new IllegalStateException(
          "The file has no column "
              + String.join(", ", missing)
              + " that layout "
              + layout.apiName()
              + " now needs: the mapping was changed after the upload");
    }
    columns = layout.positions(header);
    records.keep(columns.values().stream().mapToInt(Integer::intValue).toArray());
    lastLineEnd = records.lineNumber();
    if (threads == null) {
      ahead = null;
      reader = null;
    } else {
      ahead = new ArrayBlockingQueue<>(AHEAD);
      Thread thread = null;
      try {
        thread = threads.newThread(this::readAhead);
      } finally {
        if (thread == null) {
          records.close();
        }
      }
      if (thread == null) {
        throw new IllegalStateException("No thread to read the import file");
      }
      reader = thread;
      reader.start();
    }
  }

  /** Lines read at a time at most. */
  private static final int READ_BATCH = 4096;

  /**
   * Characters of values read at a time at most: a batch of lines with long values (up to {@value
   * #MAX_FIELD} characters each) ends early, so that what waits in memory stays small whatever the
   * file holds (some 8 MB a batch at most).
   */
  private static final long BATCH_CHARS = 4L * 1024 * 1024;

  /** Batches read ahead at most, waiting to be checked. */
  private static final int AHEAD = 4;

  /** Lines read ahead, the end of the file (none), or why it could not be read. */
  private record Ahead(List<Raw> raws, Throwable failure) {}

  /** What the reading thread hands on, in file order; null when the caller's thread reads. */
  private final BlockingQueue<Ahead> ahead;

  /** The reading thread; it alone touches the records while it lives. */
  private final Thread reader;

  /** Lines handed on and not taken yet (a batch is larger than a transaction's last lines). */
  private final Deque<Raw> pending = new ArrayDeque<>();

  private boolean aheadEnded;

  private volatile boolean closing;

  /** Why the reading thread ended without handing on the end, when it could not. */
  private volatile Throwable readerLost;

  /** The next lines as read in this thread: at most {@code max}, or {@link #BATCH_CHARS}. */
  private List<Raw> readBatch(int max) {
    List<Raw> raws = new ArrayList<>(Math.min(max, READ_BATCH));
    long chars = 0;
    Raw raw;
    while (raws.size() < max && chars < BATCH_CHARS && (raw = readRaw()) != null) {
      raws.add(raw);
      chars += raw.chars();
    }
    return raws;
  }

  /**
   * The reading thread: the file's lines in batches, then the end, or the lines read before a
   * failure and then the failure (where the caller's thread would have met it). However it ends,
   * the caller learns it: from the queue, or from {@link #readerLost} once the thread is gone.
   */
  private void readAhead() {
    try {
      while (!closing) {
        List<Raw> raws = new ArrayList<>();
        Throwable failure = null;
        try {
          raws = readBatch(READ_BATCH);
        } catch (RuntimeException | Error e) {
          failure = e;
        }
        if (!raws.isEmpty()) {
          handOn(new Ahead(raws, null));
        }
        if (failure != null || raws.isEmpty()) {
          readerLost = failure; // in case the queue cannot take it
          handOn(new Ahead(List.of(), failure));
          return;
        }
      }
    } catch (InterruptedException e) {
      if (!closing) {
        readerLost = new IllegalStateException("The reading of the import file was interrupted", e);
      }
    } catch (RuntimeException | Error e) {
      readerLost = e;
    } finally {
      if (closing) {
        closeParser(); // the caller left it to this thread
      }
    }
  }

  /**
   * Puts a batch in the queue, waiting for room; gives up (as interrupted) once the file is being
   * closed, even if an interrupt was lost on the way (in a read of the file that swallowed it).
   */
  private void handOn(Ahead next) throws InterruptedException {
    while (!ahead.offer(next, 1, TimeUnit.SECONDS)) {
      if (closing) {
        throw new InterruptedException("the import file is being closed");
      }
    }
  }

  /**
   * The next lines as read, at most {@code max} or {@link #BATCH_CHARS} (as the reading thread's
   * batches: lines of long values are taken a few at a time); none at the end of the file.
   */
  private List<Raw> nextRaws(int max) {
    if (ahead == null) {
      return readBatch(max);
    }
    List<Raw> raws = new ArrayList<>(Math.min(max, READ_BATCH));
    long chars = 0;
    while (raws.size() < max && chars < BATCH_CHARS) {
      if (pending.isEmpty()) {
        if (aheadEnded) {
          break;
        }
        Ahead next = takeAhead();
        if (next.failure() != null || next.raws().isEmpty()) {
          aheadEnded = true;
          if (next.failure() instanceof RuntimeException r) {
            throw r;
          }
          if (next.failure() instanceof Error e) {
            throw e;
          }
          break;
        }
        pending.addAll(next.raws());
      }
      Raw raw = pending.poll();
      raws.add(raw);
      chars += raw.chars();
    }
    return raws;
  }

  /** The reading thread's next batch; a failure when the thread is gone without handing it on. */
  private Ahead takeAhead() {
    try {
      while (true) {
        Ahead next = ahead.poll(1, TimeUnit.SECONDS);
        if (next != null) {
          return next;
        }
        if (!reader.isAlive() && ahead.isEmpty()) {
          Throwable lost = readerLost;
          aheadEnded = true;
          throw new IllegalStateException(
              "The reading of the import file stopped near line " + (lastLineEnd + 1), lost);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the import file", e);
    }
  }

  /** The site's residents the lines may leave unchanged. */
  KnownResidents known() {
    return known;
  }

  /** Whether every line has been read. */
  boolean ended() {
    return ahead == null ? ended : aheadEnded && pending.isEmpty();
  }

  /**
   * A line as read, before it is checked: its values by field, or why they cannot be read, and the
   * characters of its values.
   */
  private record Raw(long line, EnumMap<ResidentField, String> values, String problem, int chars) {}

  /**
   * The next lines to store, at most {@code max}, in file order; none at the end of the file. They
   * are read one after the other and then checked and normalised (the costly part: phone numbers
   * above all) in parallel on {@code executor}'s threads when there is one.
   */
  List<StagedLine> next(int max, Executor executor) {
    List<Raw> raws = nextRaws(max);
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
    int guess = -1;
    for (Raw raw : raws) {
      StagedLine line = stage(raw, guess);
      staged.add(line);
      guess = line.maybeUnchanged() ? line.known() + 1 : -1;
    }
    return staged;
  }

  /**
   * A line as read, checked; or handed on as maybe unchanged, its resident looked for first at
   * {@code guess} ({@link KnownResidents#unclaimed}).
   */
  private StagedLine stage(Raw raw, int guess) {
    if (raw.problem() != null) {
      // the id as a good line stores it (stripped), so that a full import still finds the
      // resident of a refused line in the file and does not move them out
      String id = raw.values().get(ResidentField.EXTERNAL_ID);
      String stored = id == null || id.indexOf('\0') >= 0 || id.isBlank() ? null : id.strip();
      return StagedLine.refused(raw.line(), stored, raw.problem());
    }
    long print = fingerprint.of(raw.values());
    int resident = known.unclaimed(print, guess);
    String id = raw.values().get(ResidentField.EXTERNAL_ID);
    // the resident of that fingerprint holds the line's id, as a good line stores it: a
    // fingerprint shared by two different lines never takes one for the other
    if (resident >= 0 && id != null && known.hasId(resident, id.strip())) {
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
      while (records.next()) {
        long line = lastLineEnd + 1;
        lastLineEnd = records.lineNumber();
        if (line <= storedBefore || records.blank()) {
          continue;
        }
        EnumMap<ResidentField, String> values = new EnumMap<>(ResidentField.class);
        int chars = 0;
        for (Map.Entry<ResidentField, Integer> c : columns.entrySet()) {
          String value = records.value(c.getValue());
          if (value != null) {
            values.put(c.getKey(), value);
            chars += value.length();
          }
        }
        String problem =
            records.cut()
                ? "has a value longer than " + MAX_FIELD + " characters"
                : records.size() == headerSize
                    ? null
                    : "has " + records.size() + " values where the header has " + headerSize;
        return new Raw(line, values, problem, chars);
      }
      ended = true;
      return null;
    } catch (IOException | UncheckedIOException e) {
      long near = lastLineEnd + 1;
      throw new IllegalStateException(
          ImportFiles.isEncodingProblem(e)
              ? "The file is not UTF-8 text (near line " + near + ")"
              : caused(e, InterruptedIOException.class, ClosedByInterruptException.class)
                  ? "The reading of the import file was interrupted near line " + near
                  : caused(e, SQLException.class)
                      ? "The import file could not be read from the database near line " + near
                      : "The file is not valid CSV near line " + near + " (an unclosed quote?)",
          e);
    }
  }

  @SafeVarargs
  private static boolean caused(Throwable e, Class<? extends Throwable>... causes) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> cause : causes) {
        if (cause.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Closes the file. A reading thread is stopped first; if it does not stop within 30 s (a read of
   * the file under way that does not end), it closes the file itself when it does: the records are
   * never touched by two threads.
   */
  @Override
  public void close() throws IOException {
    closing = true;
    if (reader != null) {
      reader.interrupt();
      try {
        reader.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (reader.isAlive()) {
        return;
      }
    }
    records.close();
  }

  private void closeParser() {
    try {
      records.close();
    } catch (IOException | RuntimeException e) {
      // closing a file that was read: nothing is lost
    }
  }
}
