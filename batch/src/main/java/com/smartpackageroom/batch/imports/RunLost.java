package com.smartpackageroom.batch.imports;

/**
 * A run of an import found, as it wrote its work, that the import is no longer its own: a newer run
 * took it over (this run went silent too long: a pause of its server, say) or it ended. The
 * transaction that found it is rolled back, so nothing this run did from then on lasts, and the job
 * ends without a word to the import's row ({@link ImportListener}).
 */
final class RunLost extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  RunLost(long importId, int run) {
    super(
        "Import " + importId + " is no longer run " + run + "'s: a newer run has it, or it ended");
  }

  /** Whether the failure is, or was caused by, a lost run. */
  static boolean in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RunLost) {
        return true;
      }
    }
    return false;
  }
}
