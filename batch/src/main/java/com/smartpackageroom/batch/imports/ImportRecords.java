package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportMode;
import com.smartpackageroom.domain.imports.ImportStatus;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The rows of imports, each change in a transaction of its own: the job, which runs on other
 * threads, must see the row as soon as it starts, and a failure must be recorded even when the work
 * it ends is rolled back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportRecords {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject Clock clock;

  public RecipientImport create(
      Long siteId,
      String layout,
      ImportMode mode,
      boolean forced,
      String filePath,
      long fileBytes,
      String startedBy) {
    RecipientImport imp =
        new RecipientImport(
            siteId, layout, mode, forced, filePath, fileBytes, startedBy, Times.now(clock));
    em.persist(imp);
    return imp;
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public RecipientImport find(long importId) {
    RecipientImport imp = em.find(RecipientImport.class, importId);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    return imp;
  }

  public void started(long importId, long executionId) {
    find(importId).started(executionId);
  }

  public void running(long importId) {
    find(importId).running();
  }

  /** Remembers why the import fails; the first reason stays. */
  public void failing(long importId, String reason) {
    RecipientImport imp = find(importId);
    if (imp.getFailureReason() == null) {
      imp.failing(reason);
    }
  }

  public void finished(long importId, ImportStatus status, String reason) {
    find(importId).finished(status, reason, Times.now(clock));
  }
}
