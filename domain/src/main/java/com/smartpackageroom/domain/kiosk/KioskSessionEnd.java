package com.smartpackageroom.domain.kiosk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A kiosk session ended before its expiry (sessions themselves are signed, not stored). */
@Entity
@Table(name = "kiosk_session_end")
public class KioskSessionEnd {

  @Id
  @Column(name = "session_id")
  private String sessionId;

  @Column(name = "ended_at", nullable = false)
  private OffsetDateTime endedAt;

  /** When the session would have expired: the record is useless after it, and removed. */
  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  protected KioskSessionEnd() {}

  public KioskSessionEnd(String sessionId, OffsetDateTime endedAt, OffsetDateTime expiresAt) {
    this.sessionId = sessionId;
    this.endedAt = endedAt;
    this.expiresAt = expiresAt;
  }
}
