package com.smartpackageroom.ejb.audit;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.audit.AuditEvent;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Appends to the audit log, in the caller's transaction: the event stands or falls with it. */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject Clock clock;

  public AuditEvent record(Long siteId, AuditEventType type, String actor) {
    AuditEvent event = new AuditEvent(siteId, Times.now(clock), type, actor);
    em.persist(event);
    return event;
  }

  /** An event about an access key; the key must have its id already. */
  public AuditEvent recordKey(AuditEventType type, String actor, AccessKey key) {
    return record(key.getSiteId(), type, actor)
        .key(key.getId(), key.getType().name(), key.getHolderKind().name(), key.getHolderId());
  }
}
