package com.smartpackageroom.domain.imports;

/** Where an import stands; the names of Jakarta Batch's statuses, as the API shows them. */
public enum ImportStatus {
  STARTING,
  STARTED,
  STOPPING,
  STOPPED,
  FAILED,
  COMPLETED,
  ABANDONED;

  public boolean isFinished() {
    return this == STOPPED || this == FAILED || this == COMPLETED || this == ABANDONED;
  }
}
