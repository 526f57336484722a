package com.smartpackageroom.ejb.audit;

import com.smartpackageroom.domain.audit.AuditEvent;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;

/** An audit event as the APIs show it. */
public record AuditEventView(
    Long id,
    Long siteId,
    Instant occurredAt,
    String type,
    String actor,
    Long keyId,
    String keyType,
    String holderKind,
    Long holderId,
    Long kioskId,
    String detail) {

  public static AuditEventView of(AuditEvent e) {
    return new AuditEventView(
        e.getId(),
        e.getSiteId(),
        Times.instant(e.getOccurredAt()),
        e.getType().name(),
        e.getActor(),
        e.getKeyId(),
        e.getKeyType(),
        e.getHolderKind(),
        e.getHolderId(),
        e.getKioskId(),
        e.getDetail());
  }
}
