package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.recipient.Recipient;
import com.smartpackageroom.ejb.accesskey.KeyLifecycle;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Moves out residents missing from a full import; their keys stop working but are kept. */
@Named
@Dependent
public class MoveOut extends AbstractItemWriter {

  @Inject JobContext job;

  @Inject ImportLines lines;

  @Inject KeyLifecycle keys;

  @Inject Clock clock;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Override
  public void writeItems(List<Object> items) {
    long importId = ImportJob.importId(job);
    OffsetDateTime now = Times.now(clock);
    long moved = 0;
    for (Object item : items) {
      Recipient r = em.find(Recipient.class, (Long) item);
      if (r != null && r.isActive()) {
        r.moveOut();
        r.touch(now);
        keys.deactivateAllOf(ImportJob.caller(importId), HolderKind.RECIPIENT, r.getId(), now);
        moved++;
      }
    }
    em.flush();
    lines.count(importId, 0, 0, 0, 0, 0, moved);
  }
}
