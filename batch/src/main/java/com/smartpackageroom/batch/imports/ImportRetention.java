package com.smartpackageroom.batch.imports;

import com.smartpackageroom.ejb.kiosk.StartupCheck;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes what a failed or stopped import keeps for a restart (its file and the residents' lines
 * read from it: names, emails, phone numbers) once it ended spr.import.keep-unfinished ago; such an
 * import can then no longer be restarted (its file is to be uploaded again). The lines it refused
 * stay, for its report, as a completed import's do. Every spr.import.retention-check-interval each
 * instance looks; two instances removing the same import's rows do the same work.
 */
@Singleton
@Startup
@DependsOn(StartupCheck.FROM_OTHER_MODULES)
public class ImportRetention {

  private static final Logger LOG = Logger.getLogger(ImportRetention.class.getName());

  @Resource TimerService timers;

  @EJB ImportRecords records;

  @Inject ImportFiles files;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.import.keep-unfinished", defaultValue = "P30D")
  Duration keep;

  @Inject
  @ConfigProperty(name = "spr.import.retention-check-interval", defaultValue = "PT1H")
  Duration interval;

  @PostConstruct
  void start() {
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalStateException("spr.import.keep-unfinished must be positive");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalStateException("spr.import.retention-check-interval must be positive");
    }
    long first = Math.min(interval.toMillis(), 60_000);
    timers.createIntervalTimer(
        first, interval.toMillis(), new TimerConfig("unfinished-imports-retention", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void removeExpired() {
    OffsetDateTime endedBefore = Times.now(clock).minus(keep);
    List<Long> kept;
    try {
      kept = records.keptSince(endedBefore);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Looking for ended imports' files failed; the next look tries", e);
      return;
    }
    for (Long id : kept) {
      try {
        records
            .expire(id, endedBefore)
            .ifPresent(
                file -> {
                  if (!ImportFileStore.IN_DATABASE.equals(file)) {
                    // a file of an earlier version, on the disk of the instance that took it
                    files.delete(Path.of(file));
                  }
                  LOG.info(
                      () ->
                          "Import "
                              + id
                              + " ended more than "
                              + (keep.toDays() > 0 && keep.equals(Duration.ofDays(keep.toDays()))
                                  ? keep.toDays() + " days"
                                  : keep.toString())
                              + " ago without completing: its file and lines were removed"
                              + " (spr.import.keep-unfinished); it can no longer be restarted");
                });
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Removing what import " + id + " kept failed; the next look tries again",
            e);
      }
    }
  }
}
