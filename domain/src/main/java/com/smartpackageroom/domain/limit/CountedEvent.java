package com.smartpackageroom.domain.limit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One event counted against a limit over a rolling window (a failed attempt at a kiosk, a refused
 * custom PIN): kept in the database so that limits hold across restarts and server instances, and
 * removed once older than any window.
 */
@Entity
@Table(name = "counted_event")
public class CountedEvent {

  /** What is counted; each limit counts one kind per subject. */
  public enum Kind {
    /** A failed attempt at a kiosk (subject: the kiosk's id). */
    KIOSK_FAILURE,
    /** A custom PIN refused as unavailable (subject: the account's actor name). */
    CUSTOM_PIN_REFUSAL,
    /** A PIN replaced by a chosen one (subject: the account's actor name). */
    CUSTOM_PIN_CHANGE
  }

  @Id
  @SequenceGenerator(
      name = "counted_event_seq",
      sequenceName = "counted_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counted_event_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private Kind kind;

  @Column(nullable = false, length = 100)
  private String subject;

  @Column(nullable = false)
  private OffsetDateTime at;

  protected CountedEvent() {}

  public CountedEvent(Kind kind, String subject, OffsetDateTime at) {
    this.kind = kind;
    this.subject = subject;
    this.at = at;
  }

  public OffsetDateTime getAt() {
    return at;
  }
}
