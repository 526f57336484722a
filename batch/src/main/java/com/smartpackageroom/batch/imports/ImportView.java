package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportStatus;
import com.smartpackageroom.domain.imports.RecipientImport;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import as the API and the portal show it. {@code totalLines} is the file's lines after its
 * header (absent for imports stored before it was counted): the progress bar shows {@code read} of
 * it. {@code step} is the step a running import is in (read, check, apply, move-out, clean-up;
 * absent once it has ended). {@code waitingFor} is the import of the same site that a starting
 * import waits for (one import of a site runs at a time).
 */
public record ImportView(
    Long id,
    Long siteId,
    String layout,
    String mode,
    boolean force,
    ImportStatus status,
    String step,
    Long waitingFor,
    Long totalLines,
    long read,
    long inserted,
    long updated,
    long unchanged,
    long movedOut,
    long skipped,
    String failureReason,
    List<ImportLines.Error> errors,
    OffsetDateTime createdAt,
    OffsetDateTime finishedAt,
    int runs) {

  static ImportView of(RecipientImport imp, ImportStatus status, List<ImportLines.Error> errors) {
    return new ImportView(
        imp.getId(),
        imp.getSiteId(),
        imp.getLayout(),
        imp.getMode().apiName(),
        imp.isForced(),
        status,
        status.isFinished() || imp.getWaitingFor() != null ? null : imp.currentStep().orElse(null),
        status.isFinished() ? null : imp.getWaitingFor(),
        imp.getTotalLines(),
        imp.getRead(),
        imp.getInserted(),
        imp.getUpdated(),
        imp.getUnchanged(),
        imp.getMovedOut(),
        imp.getSkipped(),
        imp.getFailureReason(),
        errors,
        imp.getCreatedAt(),
        imp.getFinishedAt(),
        imp.getRuns());
  }
}
