package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.ImportMode;
import com.smartpackageroom.domain.imports.ImportStatus;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.platform.CsvWriter;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports of residents from a property-management system's export: started on demand (the API, the
 * portal) as the Jakarta Batch job {@value #JOB}, and followed until they end.
 */
@Stateless
public class ImportService {

  public static final String JOB = "recipient-import";

  /** How many refused lines an import's report lists (all are counted). */
  static final int ERRORS_SHOWN = 1000;

  private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject ImportFiles files;

  @Inject ImportLines lines;

  @EJB ImportRecords records;

  @EJB ImportMappings mappings;

  @Inject
  @ConfigProperty(name = "spr.import.skip-limit", defaultValue = "100000")
  long skipLimit;

  @Inject UploadsUnderWay uploads;

  /**
   * Stores the file, checks its header against the layout and starts the job.
   *
   * @param force "true" to accept a file that would move out a suspicious share of residents
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportView start(
      Caller caller,
      Long siteId,
      String layoutName,
      String modeName,
      String force,
      InputStream csv) {
    guard.site(caller, siteId, Permission.IMPORT_RECIPIENTS);
    ImportLayout layout =
        mappings
            .layout(siteId, layoutName)
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        (layoutName == null || layoutName.isBlank()
                                ? "layout is required"
                                : "layout " + layoutName + " is not known")
                            + ": use yardi, onesite, entrata, salesforce or the name of a column"
                            + " mapping of the site (GET /api/v1/sites/"
                            + siteId
                            + "/import-mappings)"));
    ImportMode mode =
        ImportMode.named(modeName)
            .orElseThrow(() -> DomainException.invalid("mode must be full or incremental"));
    boolean forced = parseForce(force);
    // before the file is read: a site with as many imports as it may have waiting (its uploads
    // under way here counted as waiting) is refused now, so that of many uploads at once only
    // those that may be taken are read and stored
    records.takeUploadPlace(siteId);
    RecipientImport imp;
    try {
      ImportFiles.Staged staged = files.store(csv);
      try {
        files.requireColumns(staged.file(), layout);
        imp =
            records.create(
                siteId,
                layout.apiName(),
                mode,
                forced,
                staged.file(),
                staged.bytes(),
                staged.lines(),
                caller.actor(),
                true);
      } finally {
        // kept in the database now (or refused): the staged copy is not needed any more
        files.delete(staged.file());
      }
    } finally {
      // created (and counted as waiting) or refused: the place is given back before the launch
      uploads.give(siteId);
    }
    launch(imp.getId(), imp.getRuns());
    return view(records.find(imp.getId()), List.of());
  }

  /**
   * Starts the import of a file the schedule took from a site's drop folder. A file of no known
   * layout, or without its columns, becomes a FAILED import that says why (the file is kept).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long startScheduled(long siteId, String layoutName, ImportMode mode, Path file) {
    String problem = null;
    String layoutShown = layoutName.length() > 40 ? layoutName.substring(0, 40) : layoutName;
    ImportLayout layout = mappings.layout(siteId, layoutName).orElse(null);
    if (layout == null) {
      problem =
          "The file name does not name a layout: call it yardi.csv, onesite.csv, entrata.csv,"
              + " salesforce.csv or <mapping name>.csv (add .incremental before .csv for an"
              + " incremental import)";
    } else {
      layoutShown = layout.apiName();
      try {
        files.requireColumns(file, layout);
      } catch (RuntimeException e) {
        problem = e.getMessage();
      }
    }
    RecipientImport imp =
        records.create(
            siteId,
            layoutShown,
            mode,
            false,
            file,
            files.size(file),
            files.countLines(file),
            SCHEDULE,
            false);
    files.delete(file);
    if (problem != null) {
      records.finished(imp.getId(), ImportStatus.FAILED, problem);
    } else {
      launch(imp.getId(), imp.getRuns());
    }
    return imp.getId();
  }

  /** Who the import's row names as having started a scheduled import. */
  static final String SCHEDULE = "schedule";

  /**
   * Runs a failed or stopped import again (POST /api/v1/imports/{id}/restart): the steps it
   * finished are not repeated, and lines it applied are not applied again.
   *
   * @param force "true" to accept a file that the first run refused as suspicious
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportView restart(Caller caller, Long importId, String force) {
    RecipientImport imp = importId == null ? null : em.find(RecipientImport.class, importId);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    guard.check(caller, imp.getSiteId(), Permission.IMPORT_RECIPIENTS);
    boolean forced = parseForce(force);
    int run = records.rerun(importId, forced).getRuns();
    LOG.info(() -> "Import " + importId + " restarted by " + caller.actor());
    launch(importId, run);
    return view(records.find(importId), List.of());
  }

  /**
   * Starts a run of the import as a new job execution (a run resumed after its server stopped
   * included: the job repository may not know the old execution, or still thinks it runs).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void launch(long importId, int run) {
    Properties parameters = new Properties();
    parameters.setProperty("importId", String.valueOf(importId));
    // which run this is (as the caller counted it when it made the run): a run launched before a
    // later one (a takeover) knows it has lost
    parameters.setProperty("run", String.valueOf(run));
    parameters.setProperty("skipLimit", String.valueOf(skipLimit));
    try {
      long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
      records.started(importId, execution);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Import " + importId + " could not be started", e);
      records.finished(importId, ImportStatus.FAILED, "The import job could not be started");
    }
  }

  public ImportView get(Caller caller, Long importId) {
    RecipientImport imp = importId == null ? null : em.find(RecipientImport.class, importId);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    guard.check(caller, imp.getSiteId(), Permission.IMPORT_RECIPIENTS);
    return view(imp, lines.errors(imp.getId(), ERRORS_SHOWN));
  }

  /** How many lines the import skipped; checks that the caller may see the import. */
  public long skippedLines(Caller caller, Long importId) {
    return readable(caller, importId).getSkipped();
  }

  /**
   * Writes every line the import skipped as CSV ({@code line,reason}, in the order of the file),
   * read from the database while it is written; cells a spreadsheet would run are made inert.
   */
  public void exportErrorsCsv(Caller caller, Long importId, Writer out) {
    RecipientImport imp = readable(caller, importId);
    CsvWriter csv = new CsvWriter(out);
    csv.row("line", "reason");
    lines.eachError(imp.getId(), error -> csv.row(error.line(), error.reason()));
    csv.flush();
  }

  private RecipientImport readable(Caller caller, Long importId) {
    RecipientImport imp = importId == null ? null : em.find(RecipientImport.class, importId);
    if (imp == null) {
      throw DomainException.notFound("There is no import " + importId);
    }
    guard.check(caller, imp.getSiteId(), Permission.IMPORT_RECIPIENTS);
    return imp;
  }

  /** A site's imports, newest first, without their errors. */
  public Page<ImportView> list(Caller caller, Long siteId, PageRequest page) {
    guard.site(caller, siteId, Permission.IMPORT_RECIPIENTS);
    long total =
        em.createQuery("SELECT COUNT(i) FROM RecipientImport i WHERE i.siteId = :site", Long.class)
            .setParameter("site", siteId)
            .getSingleResult();
    List<ImportView> items =
        em
            .createQuery(
                "SELECT i FROM RecipientImport i WHERE i.siteId = :site ORDER BY i.id DESC",
                RecipientImport.class)
            .setParameter("site", siteId)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList()
            .stream()
            .map(i -> view(i, List.of()))
            .toList();
    return new Page<>(items, total, page.page(), page.size());
  }

  /**
   * The job repository knows best while the job runs (starting, started, stopping); the row how it
   * ended. The job's listener writes the outcome, with its time, as the job ends, and it may not be
   * the repository's (a suspicious file or too many refused lines fail an import whose steps all
   * completed): until then an import the repository has ended as completed, failed or abandoned is
   * still shown running, so that nobody who waits for the end reads an outcome that then changes,
   * or an end without its time (a run whose listener never wrote it is resumed, as an interrupted
   * one is). A stop shows as soon as it is asked for. An import that waits for another import of
   * its site to end shows as starting.
   */
  private ImportView view(RecipientImport imp, List<ImportLines.Error> errors) {
    ImportStatus status = imp.getStatus();
    if (!status.isFinished() && imp.getExecutionId() != null) {
      try {
        JobOperator operator = BatchRuntime.getJobOperator();
        ImportStatus running =
            ImportStatus.valueOf(
                operator.getJobExecution(imp.getExecutionId()).getBatchStatus().name());
        status =
            running.isFinished() && running != ImportStatus.STOPPED
                ? ImportStatus.STARTED
                : running;
      } catch (NoSuchJobExecutionException | JobSecurityException e) {
        // another instance runs it: the row is what this one knows
      }
    }
    if (status == ImportStatus.STARTED && imp.getWaitingFor() != null) {
      // its job runs, but the import has not started: it waits for its site's turn
      status = ImportStatus.STARTING;
    }
    return ImportView.of(imp, status.shown(), errors);
  }

  private static boolean parseForce(String force) {
    if (force == null || force.isBlank()) {
      return false;
    }
    return switch (force.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw DomainException.invalid("force must be true or false");
    };
  }
}
