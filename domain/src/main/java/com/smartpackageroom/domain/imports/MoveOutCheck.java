package com.smartpackageroom.domain.imports;

/**
 * The safeguard against a truncated or wrong file: an import that would move out more than a share
 * of a site's active residents at once is suspicious.
 */
public record MoveOutCheck(long wouldMoveOut, long activeResidents, double maxShare) {

  public MoveOutCheck {
    if (maxShare < 0 || maxShare > 1) {
      throw new IllegalArgumentException("the share must lie between 0 and 1: " + maxShare);
    }
  }

  public boolean isSuspicious() {
    return activeResidents > 0 && wouldMoveOut > maxShare * activeResidents;
  }

  /** Why the file was refused, for the property manager. */
  public String explanation(long importId) {
    return "Refused as suspicious: the file would move out "
        + wouldMoveOut
        + " of the site's "
        + activeResidents
        + " active residents ("
        + percent((double) wouldMoveOut / activeResidents)
        + "), more than the "
        + percent(maxShare)
        + " allowed at once. Check that the file is complete and of the right site; if it is,"
        + " restart this import with force=true (POST /api/v1/imports/"
        + importId
        + "/restart?force=true)"
        + " or upload the file again with force=true.";
  }

  private static String percent(double share) {
    return Math.round(share * 1000) / 10.0 + " %";
  }
}
