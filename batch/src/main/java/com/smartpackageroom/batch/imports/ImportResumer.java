package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportStatus;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resumes imports whose server stopped half-way (a crash, a restart, a lost instance): every
 * spr.import.resume-check-interval each instance looks for imports that should be running but
 * showed no progress for spr.import.resume-after, or that it ran itself before it started again,
 * takes each over (one instance wins) and runs it again. The new run skips the steps the old one
 * finished and the lines it applied, so nothing is lost or done twice.
 */
@Singleton
@Startup
@DependsOn(StartupCheck.FROM_OTHER_MODULES)
public class ImportResumer {

  private static final Logger LOG = Logger.getLogger(ImportResumer.class.getName());

  @Resource TimerService timers;

  @EJB ImportRecords records;

  @EJB ImportService imports;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.import.resume-check-interval", defaultValue = "PT1M")
  Duration interval;

  @Inject
  @ConfigProperty(name = "spr.import.resume-after", defaultValue = "PT5M")
  Duration silence;

  @Inject
  @ConfigProperty(name = "spr.import.max-runs", defaultValue = "3")
  int maxRuns;

  /** When this instance (this deployment) started: imports it ran before are not running. */
  private OffsetDateTime started;

  @PostConstruct
  void start() {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalStateException("spr.import.resume-check-interval must be positive");
    }
    if (silence.isNegative() || silence.isZero()) {
      throw new IllegalStateException("spr.import.resume-after must be positive");
    }
    if (maxRuns < 1) {
      throw new IllegalStateException("spr.import.max-runs must be 1 or more");
    }
    started = Times.now(clock);
    // the first look soon after start-up: the batch runtime is up by then
    long first = Math.min(interval.toMillis(), 10_000);
    timers.createIntervalTimer(
        first, interval.toMillis(), new TimerConfig("interrupted-imports", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void resumeInterrupted() {
    OffsetDateTime silentSince = Times.now(clock).minus(silence);
    try {
      for (Long id : records.interrupted(silentSince, started)) {
        int runs = records.takeOver(id, silentSince, started);
        if (runs == 0) {
          continue; // another instance took it
        }
        if (runs > maxRuns) {
          LOG.warning(() -> "Import " + id + " did not finish in " + (runs - 1) + " runs");
          records.finished(
              id,
              ImportStatus.FAILED,
              "The import did not finish in "
                  + (runs - 1)
                  + " runs (its server stopped each time): restart it or upload the file again");
          continue;
        }
        LOG.info(() -> "Import " + id + " was interrupted (its server stopped): resuming it");
        imports.launch(id, runs);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Looking for interrupted imports failed; the next run tries again", e);
    }
  }
}
