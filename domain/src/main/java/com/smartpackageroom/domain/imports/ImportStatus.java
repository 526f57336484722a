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

  /**
   * The status as the API shows it, one of STARTING, STARTED, COMPLETED, FAILED and STOPPED: a stop
   * under way shows as STOPPED, an abandoned execution as FAILED.
   */
  public ImportStatus shown() {
    return switch (this) {
      case STOPPING -> STOPPED;
      case ABANDONED -> FAILED;
      default -> this;
    };
  }

  /** The status in the portal's words: Starting, Running, Stopped, Failed, Completed. */
  public String label() {
    return switch (shown()) {
      case STARTING -> "Starting";
      case STARTED -> "Running";
      case STOPPED, STOPPING -> "Stopped";
      case FAILED, ABANDONED -> "Failed";
      case COMPLETED -> "Completed";
    };
  }

  public boolean isFinished() {
    return this == STOPPED || this == FAILED || this == COMPLETED || this == ABANDONED;
  }
}
