package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentRow;

/**
 * A line of the file as the read step stores it: a good resident ({@code row}), or a refused line,
 * its resident id if it gave a usable one, and why ({@code error}).
 */
public record StagedLine(long line, ResidentRow row, String externalId, String error) {

  static StagedLine good(ResidentRow row) {
    return new StagedLine(row.line(), row, row.externalId(), null);
  }

  static StagedLine refused(long line, String externalId, String reason) {
    return new StagedLine(
        line,
        null,
        externalId == null || externalId.length() > 100 ? null : externalId,
        reason.length() > 500 ? reason.substring(0, 497) + "..." : reason);
  }
}
