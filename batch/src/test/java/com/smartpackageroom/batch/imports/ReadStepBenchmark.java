package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smartpackageroom.domain.imports.ImportLayout;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The read step's Java side alone, on a file of the import benchmark whose residents are all known
 * and unchanged (the unchanged re-import): the file read from disk (not from the database), parsed,
 * fingerprinted and decided as the read step does, on a reading thread and two checking threads,
 * without storing anything. Runs only when asked for (see perf/README.md):
 *
 * <pre>
 * mvn -o -q test -pl batch -am -Dtest=ReadStepBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -DargLine=-Xmx1g -Dspr.bench.file=$PWD/perf/target/import/residents.csv
 * </pre>
 */
@EnabledIfSystemProperty(named = "spr.bench.file", matches = ".+")
class ReadStepBenchmark {

  private static final int ROUNDS = 7;

  @Test
  void anUnchangedFileIsReadAgainstItsKnownResidents() throws Exception {
    Path path = Path.of(System.getProperty("spr.bench.file"));
    ImportLayout layout = ImportLayout.ENTRATA;
    // the residents as the first import left them: each good line's id and fingerprint
    List<String> ids = new ArrayList<>();
    List<Long> prints = new ArrayList<>();
    try (Reader text = ImportFiles.open(path);
        LineFile file = new LineFile(text, layout, "US", 0, Long.MAX_VALUE)) {
      List<StagedLine> batch;
      while (!(batch = file.next(4096, null)).isEmpty()) {
        for (StagedLine line : batch) {
          if (line.row() != null) {
            ids.add(line.row().externalId());
            prints.add(line.fingerprint());
          }
        }
      }
    }
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Long> times = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        KnownResidents known = new KnownResidents();
        for (int k = 0; k < ids.size(); k++) {
          known.add(k + 1, ids.get(k), prints.get(k), true);
        }
        known.seal();
        long gcBefore = gcMillis();
        long began = System.nanoTime();
        ImportLines.Tally tally = new ImportLines.Tally();
        try (Reader text = ImportFiles.open(path);
            LineFile file =
                new LineFile(
                    text,
                    layout,
                    "US",
                    0,
                    Long.MAX_VALUE,
                    known,
                    Executors.defaultThreadFactory())) {
          IdHashes seen = new IdHashes();
          while (!file.ended()) {
            for (StagedLine line : file.next(4096, executor)) {
              ImportLines.decide(line, file, seen, tally);
            }
          }
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        times.add(millis);
        assertEquals(ids.size(), tally.unchanged);
        System.out.printf(
            "RESULT read-step round=%d lines=%d millis=%d gc_millis=%d%n",
            round, tally.unchanged, millis, gcMillis() - gcBefore);
      }
      List<Long> sorted = new ArrayList<>(times);
      sorted.sort(null);
      System.out.printf(
          "RESULT read-step median_millis=%d best_millis=%d rounds=%d%n",
          sorted.get(sorted.size() / 2), sorted.get(0), ROUNDS);
    } finally {
      executor.shutdownNow();
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }
}
