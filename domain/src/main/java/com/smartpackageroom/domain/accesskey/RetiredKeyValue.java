package com.smartpackageroom.domain.accesskey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A key value that may not be issued again: for ever when its key was deleted, until the end of a
 * quarantine when it was a used or expired single access PIN.
 */
@Entity
@Table(name = "retired_key_value")
public class RetiredKeyValue {

  @Id
  @Column(name = "lookup_hash")
  private String lookupHash;

  @Column(name = "site_id", nullable = false)
  private Long siteId;

  @Column(name = "retired_at", nullable = false)
  private OffsetDateTime retiredAt;

  @Column(name = "reusable_after")
  private OffsetDateTime reusableAfter;

  protected RetiredKeyValue() {}

  public RetiredKeyValue(
      String lookupHash, Long siteId, OffsetDateTime retiredAt, OffsetDateTime reusableAfter) {
    this.lookupHash = lookupHash;
    this.siteId = siteId;
    this.retiredAt = retiredAt;
    this.reusableAfter = reusableAfter;
  }

  public static RetiredKeyValue forever(String lookupHash, Long siteId, OffsetDateTime now) {
    return new RetiredKeyValue(lookupHash, siteId, now, null);
  }

  public boolean isReusable(OffsetDateTime now) {
    return reusableAfter != null && !reusableAfter.isAfter(now);
  }

  /** A value retired for good stays so, whatever quarantine a later use would ask for. */
  public void extendTo(OffsetDateTime reusableAfter) {
    if (this.reusableAfter != null
        && (reusableAfter == null || reusableAfter.isAfter(this.reusableAfter))) {
      this.reusableAfter = reusableAfter;
    }
  }

  public String getLookupHash() {
    return lookupHash;
  }

  public OffsetDateTime getReusableAfter() {
    return reusableAfter;
  }
}
