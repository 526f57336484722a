package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.AccessKey;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.ejb.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * A single access PIN and the single-use QR code that comes with it: using either one spends the
 * other. Both rows are locked lower id first, whichever of the two a kiosk is shown, so that two
 * kiosks shown the two halves at once wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class SingleAccessPairs {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject KeyValues values;

  @Inject AuditLog audit;

  /** Before a single-use key is locked: its partner, when that comes first in the order. */
  public void lockPartnerFirst(AccessKey key) {
    Long partner = key.getPartnerKeyId();
    if (partner != null && partner < key.getId()) {
      em.find(AccessKey.class, partner, LockModeType.PESSIMISTIC_WRITE);
    }
  }

  /** After a single-use key was used: its partner is spent too, its value retired. */
  public void spendPartner(AccessKey used, String actor, Long kioskId, OffsetDateTime now) {
    Long partnerId = used.getPartnerKeyId();
    if (partnerId == null) {
      return;
    }
    AccessKey partner = em.find(AccessKey.class, partnerId, LockModeType.PESSIMISTIC_WRITE);
    if (partner != null && partner.isUsable(now)) {
      partner.use(now);
      values.retireForQuarantine(partner.getSiteId(), partner.releaseValue(), now);
      audit.recordKey(
          AuditEventType.KEY_DEACTIVATED,
          actor,
          partner,
          kioskId,
          "spent with its single access partner, key " + used.getId());
    }
  }
}
