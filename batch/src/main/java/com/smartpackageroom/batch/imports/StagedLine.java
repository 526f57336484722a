package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.imports.ResidentRow;
import java.util.Map;

/**
 * A line of the file as the read step stores it: a good resident ({@code row}) with the fingerprint
 * of its values, or a refused line, its resident id if it gave a usable one, and why ({@code
 * error}); or, before either, a line whose fingerprint is the one last applied to the known
 * resident {@code known} ({@link KnownResidents}): unchanged, unless an earlier line of the file
 * took that resident or its id, and then read in full ({@link LineFile#check}) from its {@code
 * values}.
 */
public record StagedLine(
    long line,
    ResidentRow row,
    String externalId,
    String error,
    long fingerprint,
    int known,
    Map<ResidentField, String> values) {

  static StagedLine good(ResidentRow row, long fingerprint) {
    return new StagedLine(row.line(), row, row.externalId(), null, fingerprint, -1, null);
  }

  static StagedLine refused(long line, String externalId, String reason) {
    return new StagedLine(
        line,
        null,
        externalId == null || externalId.length() > 100 ? null : externalId,
        reason.length() > 500 ? reason.substring(0, 497) + "..." : reason,
        0,
        -1,
        null);
  }

  static StagedLine unchanged(
      long line, long fingerprint, int known, Map<ResidentField, String> values) {
    return new StagedLine(line, null, null, null, fingerprint, known, values);
  }

  /** A line that may leave its known resident unchanged, not read in full yet. */
  boolean maybeUnchanged() {
    return known >= 0;
  }
}
