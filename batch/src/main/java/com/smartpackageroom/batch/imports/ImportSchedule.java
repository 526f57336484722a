package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportMode;
import com.smartpackageroom.ejb.kiosk.StartupCheck;
import com.smartpackageroom.ejb.platform.Database;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily recipient import. A site's property-management system drops its export into the site's
 * folder of spr.import.drop-directory ({@code site-<id>/<layout>.csv}); once a day, from
 * spr.import.schedule in the site's time zone, the files there are imported (full imports; {@code
 * <layout>.incremental.csv} for an incremental one). One instance runs a site's day: the first to
 * claim it in the database; the files are moved into spr.import.directory as they are taken.
 */
@Singleton
@Startup
@DependsOn(StartupCheck.FROM_OTHER_MODULES)
public class ImportSchedule {

  private static final Logger LOG = Logger.getLogger(ImportSchedule.class.getName());

  private static final Pattern SITE_FOLDER = Pattern.compile("site-(\\d{1,18})");

  @Resource TimerService timers;

  @EJB ImportRecords records;

  @EJB ImportService imports;

  @Inject ImportFiles files;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.import.schedule", defaultValue = "02:00")
  String schedule;

  @Inject
  @ConfigProperty(name = "spr.import.drop-directory")
  String dropDirectory;

  @Inject
  @ConfigProperty(name = "spr.import.drop-check-interval", defaultValue = "PT1M")
  Duration interval;

  @Inject
  @ConfigProperty(name = "spr.import.drop-quiet-period", defaultValue = "PT1M")
  Duration quietPeriod;

  /** Drop folders of sites that do not exist, said once in the log. */
  private final Set<Long> warned = new HashSet<>();

  /** The time of day the imports run from; empty when the schedule is off. */
  private Optional<LocalTime> dailyAt;

  @PostConstruct
  void start() {
    dailyAt = parseSchedule(schedule);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalStateException("spr.import.drop-check-interval must be positive");
    }
    if (quietPeriod.isNegative()) {
      throw new IllegalStateException("spr.import.drop-quiet-period must not be negative");
    }
    if (dailyAt.isEmpty()) {
      LOG.info("The daily recipient import is off (spr.import.schedule=off)");
      return;
    }
    LOG.info(
        () ->
            "The daily recipient import takes the files of "
                + Path.of(dropDirectory).toAbsolutePath()
                + "/site-<id>/ from "
                + dailyAt.get()
                + " in each site's time zone");
    long millis = interval.toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("daily-import", false));
  }

  /** "HH:mm" (the time of day in each site's zone), or "off". */
  static Optional<LocalTime> parseSchedule(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("off") || v.equals("none") || v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.parse(v));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "spr.import.schedule must be a time of day such as 02:00, or off; it is " + value, e);
    }
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void runDue() {
    Path drop = Path.of(dropDirectory);
    if (!Files.isDirectory(drop)) {
      return;
    }
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(drop, "site-*")) {
      for (Path folder : folders) {
        Matcher m = SITE_FOLDER.matcher(folder.getFileName().toString());
        if (m.matches() && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
          try {
            runSite(Long.parseLong(m.group(1)), folder);
          } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The daily import of " + folder + " failed; tries again", e);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "The daily import could not look at " + drop + "; tries again", e);
    }
  }

  private void runSite(long siteId, Path folder) throws IOException {
    List<Path> ready = readyFiles(folder);
    if (ready.isEmpty()) {
      return;
    }
    Optional<ZoneId> zone = records.siteZone(siteId);
    if (zone.isEmpty()) {
      if (warned.add(siteId)) {
        LOG.warning(() -> "The drop folder " + folder + " names no site: its files stay there");
      }
      return;
    }
    ZonedDateTime local = Times.now(clock).atZoneSameInstant(zone.get());
    if (local.toLocalTime().isBefore(dailyAt.get()) || !claim(siteId, local.toLocalDate())) {
      return; // not yet today, or done today: the files wait for the next day
    }
    for (Path dropped : ready) {
      String name = dropped.getFileName().toString();
      String base = name.substring(0, name.length() - ".csv".length());
      ImportMode mode = ImportMode.FULL;
      if (base.toLowerCase(Locale.ROOT).endsWith(".incremental")) {
        mode = ImportMode.INCREMENTAL;
        base = base.substring(0, base.length() - ".incremental".length());
      }
      Optional<Path> file = files.adopt(dropped);
      if (file.isPresent()) {
        long id;
        try {
          id = imports.startScheduled(siteId, base, mode, file.get());
        } catch (RuntimeException e) {
          // nothing lost: the file goes back and the day is given back for the next look
          Files.move(file.get(), dropped);
          records.releaseScheduledRun(siteId, local.toLocalDate());
          throw e;
        }
        String shown = base;
        ImportMode shownMode = mode;
        LOG.info(
            () ->
                "Daily import "
                    + id
                    + " of site "
                    + siteId
                    + " started from "
                    + name
                    + " ("
                    + shown
                    + ", "
                    + shownMode.apiName()
                    + ")");
      }
    }
  }

  /** Whether this instance runs the site's day; false when another one was first. */
  private boolean claim(long siteId, LocalDate day) {
    try {
      return records.claimScheduledRun(siteId, day);
    } catch (EJBException e) {
      if (Database.isUniqueViolation(e, null)) {
        return false; // two instances at once: the other one inserted the day's row
      }
      LOG.log(
          Level.WARNING,
          "The daily import of site " + siteId + " could not be claimed; the next look tries again",
          e);
      return false;
    }
  }

  /** The site folder's CSV files that nobody has written to for the quiet period, by name. */
  private List<Path> readyFiles(Path folder) throws IOException {
    Instant settled = clock.instant().minus(quietPeriod);
    List<Path> ready = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.csv")) {
      for (Path entry : entries) {
        // a symbolic link could make the server read any file it may read: only regular files
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
            && !entry.getFileName().toString().startsWith(".")
            && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                .toInstant()
                .isBefore(settled)) {
          ready.add(entry);
        }
      }
    }
    ready.sort(null);
    return ready;
  }
}
