package com.smartpackageroom.domain.imports;

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
import java.util.List;

/**
 * One run of the recipient import: what was asked for, the batch job that does it, and what it did.
 * The counters are changed by the job in the transactions of its chunks.
 */
@Entity
@Table(name = "recipient_import")
public class RecipientImport {

  @Id
  @SequenceGenerator(
      name = "recipient_import_seq",
      sequenceName = "recipient_import_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recipient_import_seq")
  private Long id;

  @Column(name = "site_id", nullable = false)
  private Long siteId;

  @Column(nullable = false)
  private String layout;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ImportMode mode;

  @Column(nullable = false)
  private boolean forced;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ImportStatus status;

  @Column(name = "execution_id")
  private Long executionId;

  @Column(name = "file_path", nullable = false)
  private String filePath;

  @Column(name = "file_bytes", nullable = false)
  private long fileBytes;

  /** The file's lines after its header, for the progress bar; none for imports made before. */
  @Column(name = "total_lines")
  private Long totalLines;

  @Column(name = "started_by", nullable = false)
  private String startedBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  @Column(name = "read_count", nullable = false)
  private long read;

  @Column(name = "inserted_count", nullable = false)
  private long inserted;

  @Column(name = "updated_count", nullable = false)
  private long updated;

  @Column(name = "unchanged_count", nullable = false)
  private long unchanged;

  @Column(name = "moved_out_count", nullable = false)
  private long movedOut;

  @Column(name = "skipped_count", nullable = false)
  private long skipped;

  @Column(name = "failure_reason")
  private String failureReason;

  /** The server instance that runs the import. */
  @Column(name = "run_owner")
  private String runOwner;

  /** When the run last showed progress; a run silent for long is resumed elsewhere. */
  @Column(name = "heartbeat_at")
  private OffsetDateTime heartbeatAt;

  /** The last step of the job that finished; a resumed run goes on after it. */
  @Column(name = "done_step")
  private String doneStep;

  @Column(nullable = false)
  private int runs = 1;

  /**
   * The import of the same site this one waits for (one import of a site runs at a time), while it
   * waits; null otherwise.
   */
  @Column(name = "waiting_for")
  private Long waitingFor;

  /** The steps of the job, in order (META-INF/batch-jobs/recipient-import.xml). */
  public static final List<String> STEPS =
      List.of("read", "check", "apply", "move-out", "clean-up");

  protected RecipientImport() {}

  public RecipientImport(
      Long siteId,
      String layout,
      ImportMode mode,
      boolean forced,
      String filePath,
      long fileBytes,
      String startedBy,
      OffsetDateTime now) {
    this.siteId = siteId;
    this.layout = layout;
    this.mode = mode;
    this.forced = forced;
    this.filePath = filePath;
    this.fileBytes = fileBytes;
    this.startedBy = startedBy;
    this.createdAt = now;
    this.heartbeatAt = now;
    this.status = ImportStatus.STARTING;
  }

  public Long getId() {
    return id;
  }

  public Long getSiteId() {
    return siteId;
  }

  public String getLayout() {
    return layout;
  }

  public ImportMode getMode() {
    return mode;
  }

  public boolean isForced() {
    return forced;
  }

  public ImportStatus getStatus() {
    return status;
  }

  public Long getExecutionId() {
    return executionId;
  }

  public void started(long executionId) {
    this.executionId = executionId;
  }

  public String getFilePath() {
    return filePath;
  }

  public long getFileBytes() {
    return fileBytes;
  }

  public Long getTotalLines() {
    return totalLines;
  }

  /** The file's lines after its header, counted once when it is stored. */
  public void fileCounted(long totalLines) {
    this.totalLines = totalLines;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getFinishedAt() {
    return finishedAt;
  }

  public long getRead() {
    return read;
  }

  public long getInserted() {
    return inserted;
  }

  public long getUpdated() {
    return updated;
  }

  public long getUnchanged() {
    return unchanged;
  }

  public long getMovedOut() {
    return movedOut;
  }

  public long getSkipped() {
    return skipped;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public void running() {
    if (!status.isFinished()) {
      this.status = ImportStatus.STARTED;
    }
  }

  /** The import of the site this one waits for before it runs, or null. */
  public Long getWaitingFor() {
    return waitingFor;
  }

  /**
   * Waits for another import of the site to end ({@code other}), or has the site's turn (null); the
   * run shows progress either way.
   */
  public void waitingFor(Long other, String owner, OffsetDateTime now) {
    this.waitingFor = other;
    heartbeat(owner, now);
  }

  public String getRunOwner() {
    return runOwner;
  }

  public OffsetDateTime getHeartbeatAt() {
    return heartbeatAt;
  }

  public int getRuns() {
    return runs;
  }

  /**
   * The step a running import is in (the one after the last it finished: read, check, apply,
   * move-out, clean-up); empty once it has ended.
   */
  public java.util.Optional<String> currentStep() {
    if (status.isFinished()) {
      return java.util.Optional.empty();
    }
    int next = doneStep == null ? 0 : STEPS.indexOf(doneStep) + 1;
    return next < STEPS.size()
        ? java.util.Optional.of(STEPS.get(next))
        : java.util.Optional.empty();
  }

  /** Whether a run of this import finished the step (a resumed run skips it). */
  public boolean hasDone(String step) {
    int index = STEPS.indexOf(step);
    if (index < 0) {
      throw new IllegalArgumentException("No step " + step);
    }
    return doneStep != null && STEPS.indexOf(doneStep) >= index;
  }

  /** A step finished; steps finish in order, so the latest is all that needs keeping. */
  public void stepDone(String step, OffsetDateTime now) {
    if (!hasDone(step)) {
      this.doneStep = step;
    }
    this.heartbeatAt = now;
  }

  /** The run shows progress on this instance. */
  public void heartbeat(String owner, OffsetDateTime now) {
    this.runOwner = owner;
    this.heartbeatAt = now;
  }

  /**
   * Whether a run may start again: a failed or stopped import (by a person), or one whose run went
   * silent (its server stopped).
   */
  public boolean isRestartable() {
    return status == ImportStatus.FAILED
        || status == ImportStatus.STOPPED
        || status == ImportStatus.STOPPING
        || status == ImportStatus.ABANDONED;
  }

  /**
   * What {@code filePath} says once the file, and the lines read from it, of an import that ended
   * unfinished were removed for being kept too long: it can no longer be restarted.
   */
  public static final String FILE_REMOVED = "removed";

  /** Its file and the lines read from it were removed: a restart would have nothing to read. */
  public void fileRemoved() {
    this.filePath = FILE_REMOVED;
    this.doneStep = null;
  }

  /** Its file is to be read again from the start: the steps done so far count for nothing. */
  public void readAgain() {
    this.doneStep = null;
  }

  /** A new run of the import on this instance: what the last one failed with is forgotten. */
  public void rerun(String owner, boolean force, OffsetDateTime now) {
    this.status = ImportStatus.STARTING;
    this.failureReason = null;
    this.finishedAt = null;
    this.forced = forced || force;
    this.runs++;
    heartbeat(owner, now);
  }

  public void finished(ImportStatus outcome, String reason, OffsetDateTime now) {
    this.status = outcome;
    this.waitingFor = null;
    if (reason != null && failureReason == null) {
      this.failureReason = reason;
    }
    this.finishedAt = now;
  }

  /** A failure known before the job ends (a suspicious file, too many bad lines). */
  public void failing(String reason) {
    this.failureReason = reason;
  }
}
