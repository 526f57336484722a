package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.site.Site;
import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Reader;
import java.util.concurrent.TimeUnit;

/**
 * The read step: reads, checks and normalises the file's lines (a batch at a time, checked in
 * parallel on the managed executor's threads) and stores them in import_line (good ones and refused
 * ones with their reason, for the report), {@value #LINES} lines or a second's worth per
 * transaction, streamed into the database with COPY on PostgreSQL. Each transaction counts its
 * lines, so progress shows; a run resumed after a stop reads the file on after the last line
 * stored. More than skipLimit refused lines fail the import.
 */
@Named
@Dependent
public class LineLoader extends AbstractBatchlet {

  /** Lines per transaction at most. */
  static final int LINES = 50_000;

  /** Time per transaction at most, for the progress shown. */
  static final long NANOS = TimeUnit.SECONDS.toNanos(1);

  @Inject JobContext job;

  @Inject
  @BatchProperty(name = "skipLimit")
  String skipLimit;

  @EJB ImportRecords records;

  @EJB ImportMappings mappings;

  @EJB ImportLineCleanup lineWork;

  @Inject ImportLines lines;

  @Inject ImportFiles files;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  /** Threads that check the lines of a batch in parallel. */
  @Resource ManagedExecutorService executor;

  private volatile boolean stopping;

  @Override
  public String process() throws Exception {
    long importId = ImportJob.importId(job);
    RecipientImport imp = records.find(importId);
    if (imp.hasDone("read")) {
      return "READ";
    }
    String region = em.find(Site.class, imp.getSiteId()).getCountry();
    long limit =
        skipLimit == null || skipLimit.isBlank() ? Long.MAX_VALUE : Long.parseLong(skipLimit);
    // a resumed run may refuse only what the runs before it left of the limit
    long left = limit == Long.MAX_VALUE ? limit : Math.max(0, limit - imp.getSkipped());
    long storedBefore = lines.lastLine(importId);
    // the resident ids read so far, for the duplicates (a resumed run reads those stored before)
    IdHashes seen = new IdHashes();
    long refusedNow = storedBefore > 0 ? lineWork.storedIds(importId, seen) : 0;
    try (Reader text = files.open(imp);
        LineFile file =
            new LineFile(text, ImportJob.layout(mappings, imp), region, storedBefore, left)) {
      file.refusedElsewhere(refusedNow);
      while (!file.ended()) {
        if (stopping) {
          return "STOPPED";
        }
        lineWork.stage(importId, file, LINES, System.nanoTime() + NANOS, executor, seen);
      }
    }
    return "READ";
  }

  @Override
  public void stop() {
    stopping = true;
  }
}
