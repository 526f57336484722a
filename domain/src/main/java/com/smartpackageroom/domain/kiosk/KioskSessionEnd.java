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

  protected KioskSessionEnd() {}

  public KioskSessionEnd(String sessionId, OffsetDateTime endedAt) {
    this.sessionId = sessionId;
    this.endedAt = endedAt;
  }
}
