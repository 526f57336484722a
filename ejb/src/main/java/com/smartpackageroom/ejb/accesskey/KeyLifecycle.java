package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/** State changes of keys, each audited, shared by the key service, recipients and the import. */
@ApplicationScoped
public class KeyLifecycle {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject KeyValues values;

  @Inject AuditLog audit;

  public List<AccessKey> keysOf(HolderKind kind, Long holderId) {
    return em.createQuery(
            "SELECT k FROM AccessKey k WHERE k.holderKind = :kind AND k.holderId = :holder"
                + " ORDER BY k.id",
            AccessKey.class)
        .setParameter("kind", kind)
        .setParameter("holder", holderId)
        .getResultList();
  }

  public void deactivate(Caller caller, AccessKey key, OffsetDateTime now) {
    key.deactivate(now);
    audit.recordKey(AuditEventType.KEY_DEACTIVATED, caller.actor(), key);
  }

  public void delete(Caller caller, AccessKey key, OffsetDateTime now) {
    if (key.getStatus() == AccessKeyStatus.DELETED) {
      return;
    }
    String spent = key.delete(now);
    // a deleted PIN or QR value is never issued again; a card is a physical thing and may be
    // given to someone else
    if (key.getType() != AccessKeyType.KEY_CARD) {
      values.retireForever(key.getSiteId(), spent, now);
    }
    audit.recordKey(AuditEventType.KEY_DELETED, caller.actor(), key);
  }

  /** When a recipient moves out: their keys stop working but are kept. */
  public void deactivateAllOf(Caller caller, HolderKind kind, Long holderId, OffsetDateTime now) {
    for (AccessKey key : keysOf(kind, holderId)) {
      if (key.getStatus() == AccessKeyStatus.ACTIVE) {
        deactivate(caller, key, now);
      }
    }
  }

  /** When a person is erased: every key is deleted and forgets who held it. */
  public void eraseAllOf(Caller caller, HolderKind kind, Long holderId, OffsetDateTime now) {
    List<AccessKey> keys = keysOf(kind, holderId);
    for (AccessKey key : keys) {
      delete(caller, key, now);
      key.forgetHolder();
    }
    if (!keys.isEmpty()) {
      // the messages held the person's contact and PIN
      em.createQuery("DELETE FROM Notification n WHERE n.keyId IN :keys")
          .setParameter("keys", keys.stream().map(AccessKey::getId).toList())
          .executeUpdate();
    }
    em.flush();
  }
}
