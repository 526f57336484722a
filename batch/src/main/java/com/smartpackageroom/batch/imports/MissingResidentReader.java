package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportMode;
import com.smartpackageroom.domain.imports.RecipientImport;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * For a full import: the site's active imported residents whose id the file does not hold, in id
 * order, read with one query when the step (re)starts. Those moved out by a committed chunk are no
 * longer active, and lie before the checkpoint, and so are never read again.
 */
@Named
@Dependent
public class MissingResidentReader extends AbstractItemReader {

  @Inject JobContext job;

  @Inject ImportLines lines;

  @EJB ImportRecords records;

  private final Deque<Long> page = new ArrayDeque<>();
  private long siteId;
  private long lastFetched;
  private long lastRead;
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) {
    RecipientImport imp = records.find(ImportJob.importId(job));
    siteId = imp.getSiteId();
    // a resumed run whose move-out finished: the good lines may be gone with the clean-up, so the
    // missing must not be looked for again
    exhausted = imp.getMode() != ImportMode.FULL || imp.hasDone("move-out");
    lastRead = checkpoint == null ? 0 : (Long) checkpoint;
    lastFetched = lastRead;
    page.clear();
  }

  @Override
  public Object readItem() {
    if (!exhausted) {
      // all of them with one query (one pass over the site's residents, where pages would each
      // take one); only their ids are held
      page.addAll(lines.missingResidents(ImportJob.importId(job), siteId, lastFetched));
      exhausted = true;
    }
    Long id = page.poll();
    if (id != null) {
      lastRead = id;
    }
    return id;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastRead;
  }
}
