package com.smartpackageroom.web.portal.imports;

import com.smartpackageroom.batch.imports.ImportMappingView;
import com.smartpackageroom.batch.imports.ImportMappings;
import com.smartpackageroom.batch.imports.ImportService;
import com.smartpackageroom.batch.imports.ImportView;
import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PagedModel;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.SiteTimes;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.file.UploadedFile;

/**
 * Imports (property managers and administrators): upload a resident file (layout, Full or
 * Incremental, Force), follow its progress until it ends, its counts and skipped lines (also as
 * CSV), restart a failed one, the site's column mappings and its past imports. Translates and calls
 * the same services as the management API (ImportService, ImportMappings).
 */
@Named
@ViewScoped
public class ImportCenter implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB ImportService imports;
  @EJB ImportMappings mappings;
  @Inject PortalUser me;

  /** The import the page shows (?import=), if any. */
  private Long importId;

  private ImportView current;
  private boolean notFound;

  private transient UploadedFile file;
  private String layout = ImportLayout.YARDI.apiName();
  private String mode = "full";
  private boolean force;
  private boolean restartForce;

  private List<ImportMappingView> siteMappings = List.of();

  private boolean mappingFormShown;
  private boolean editing;
  private String mappingName;
  private final Map<String, String> mappingColumns = new LinkedHashMap<>();

  {
    for (ResidentField field : ResidentField.values()) {
      mappingColumns.put(field.jsonName(), null);
    }
  }

  private String currentStatuses;
  private String formerStatuses;
  private String deleting;

  private final LazyDataModel<ImportView> history = new PagedModel<>(this::page, row -> row.id());

  private Page<ImportView> page(int number, int size) {
    if (me.getSiteId() == null) {
      return new Page<>(List.of(), 0, number, size);
    }
    return imports.list(me.caller(), me.getSiteId(), new PageRequest(number, size));
  }

  /**
   * On opening: a role that may not import is sent back to the Dashboard, told why; an import of
   * ?import= that the caller may not see (another site's, or none) is "not found".
   */
  public void load() {
    try {
      siteMappings = mappings.list(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      Messages.errorAfterRedirect("Imports are for property managers and administrators.");
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
      return;
    }
    if (importId != null) {
      try {
        current = imports.get(me.caller(), importId);
      } catch (DomainException e) {
        notFound = true;
      }
    }
  }

  /** Start Import: the file as POST /api/v1/sites/{id}/imports takes it. */
  public void upload() {
    if (file == null || file.getSize() == 0) {
      Messages.error(
          "upload:file", "Choose the CSV file your property-management system exported.");
      return;
    }
    try (InputStream in = file.getInputStream()) {
      current =
          imports.start(me.caller(), me.getSiteId(), layout, mode, force ? "true" : "false", in);
      importId = current.id();
      notFound = false;
      force = false;
    } catch (DomainException e) {
      // the import's own reason: too large, not a CSV file, columns missing for the layout
      Messages.error("upload:file", e.getMessage());
    } catch (IOException e) {
      Messages.error("upload:file", "The file could not be read: send it again.");
    } finally {
      file = null;
    }
  }

  /** The poll: where the import stands now. */
  public void refresh() {
    if (current != null) {
      try {
        current = imports.get(me.caller(), current.id());
      } catch (DomainException e) {
        Messages.error(null, e.getMessage());
      }
    }
  }

  /** Restart: as POST /api/v1/imports/{id}/restart. */
  public void restart() {
    if (current == null) {
      return;
    }
    try {
      current = imports.restart(me.caller(), current.id(), restartForce ? "true" : "false");
      restartForce = false;
      Messages.info(null, "Import " + current.id() + " runs again from where it stopped.");
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
  }

  public boolean isRunning() {
    return current != null && !current.status().isFinished();
  }

  public boolean isRestartable() {
    return current != null
        && (current.status().name().equals("FAILED") || current.status().name().equals("STOPPED"));
  }

  /** The progress bar's value: lines read of the file's lines, in percent. */
  public int getProgress() {
    if (current == null) {
      return 0;
    }
    Long total = current.totalLines();
    if (total == null || total == 0) {
      return current.status().isFinished() ? 100 : 0;
    }
    return (int) Math.min(100, current.read() * 100 / total);
  }

  public String getProgressLabel() {
    if (current == null) {
      return "";
    }
    Long total = current.totalLines();
    return total == null
        ? current.read() + " lines read"
        : current.read() + " of " + total + " lines read";
  }

  public List<SelectItem> getLayouts() {
    List<SelectItem> items = new ArrayList<>();
    for (ImportLayout built : ImportLayout.BUILT_IN) {
      items.add(new SelectItem(built.apiName(), built.systemName()));
    }
    for (ImportMappingView mapping : siteMappings) {
      items.add(new SelectItem(mapping.name(), mapping.name() + " (column mapping)"));
    }
    return items;
  }

  /** How a layout is named on the page: the system's name, or the site's mapping's. */
  public String layoutName(String apiName) {
    return ImportLayout.named(apiName).map(ImportLayout::systemName).orElse(apiName);
  }

  /** The step a running import is in, in words. */
  public String stepName(String step) {
    if (step == null) {
      return "";
    }
    return switch (step) {
      case "read" -> "Reading and checking the lines";
      case "check" -> "Checking the file as a whole";
      case "apply" -> "Updating the recipients";
      case "move-out" -> "Moving out residents missing from the file";
      case "clean-up" -> "Cleaning up";
      default -> step;
    };
  }

  public String modeName(String apiName) {
    return "incremental".equalsIgnoreCase(apiName) ? "Incremental" : "Full";
  }

  /** A mapping's columns as "field: column" pairs, by the page's labels. */
  public String columnsOf(ImportMappingView mapping) {
    List<String> pairs = new ArrayList<>();
    for (ResidentField field : ResidentField.values()) {
      String column = mapping.columns().get(field.jsonName());
      if (column != null) {
        pairs.add(field.label() + ": " + column);
      }
    }
    return String.join(", ", pairs);
  }

  public String joined(List<String> values) {
    return values == null ? "" : String.join(", ", values);
  }

  /** spr.import.max-file-mb, as the import checks it (read here, not injected: view scope). */
  public long getMaxFileMb() {
    return ConfigProvider.getConfig()
        .getOptionalValue("spr.import.max-file-mb", Long.class)
        .orElse(200L);
  }

  public String when(OffsetDateTime at) {
    return SiteTimes.format(me, at);
  }

  // --- column mappings, as PUT/DELETE /api/v1/sites/{id}/import-mappings/{name} ---

  public List<ResidentField> getFields() {
    return Arrays.asList(ResidentField.values());
  }

  /** A field's label on the page: "Resident id column", "Unit column", ... */
  public String columnLabel(ResidentField field) {
    String label = field.label();
    return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " column";
  }

  public void newMapping() {
    editing = false;
    mappingName = null;
    mappingColumns.replaceAll((k, v) -> null);
    currentStatuses = null;
    formerStatuses = null;
    mappingFormShown = true;
  }

  public void edit(ImportMappingView mapping) {
    editing = true;
    mappingName = mapping.name();
    mappingColumns.replaceAll((k, v) -> mapping.columns().get(k));
    currentStatuses = String.join(", ", mapping.currentStatuses());
    formerStatuses = String.join(", ", mapping.formerStatuses());
    mappingFormShown = true;
  }

  public void cancelMapping() {
    mappingFormShown = false;
  }

  public void saveMapping() {
    if (mappingName == null || mappingName.isBlank()) {
      Messages.error("mappingForm:mappingName", "Give the mapping a name, such as appfolio.");
      return;
    }
    Map<ResidentField, String> columns = new EnumMap<>(ResidentField.class);
    for (ResidentField field : ResidentField.values()) {
      String column = mappingColumns.get(field.jsonName());
      if (column != null && !column.isBlank()) {
        columns.put(field, column);
      }
    }
    try {
      ImportMappings.Saved saved =
          mappings.save(
              me.caller(),
              me.getSiteId(),
              mappingName,
              columns,
              statuses(currentStatuses),
              statuses(formerStatuses));
      Messages.info(
          null,
          "The column mapping "
              + saved.mapping().name()
              + (saved.created() ? " is created" : " is saved")
              + ": choose it as the layout of an import.");
      mappingFormShown = false;
      siteMappings = mappings.list(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      Messages.error(fieldOf(e.getMessage()), translated(e.getMessage()));
    }
  }

  public void chooseDelete(ImportMappingView mapping) {
    deleting = mapping.name();
  }

  public void deleteMapping() {
    if (deleting == null) {
      return;
    }
    try {
      mappings.delete(me.caller(), me.getSiteId(), deleting);
      Messages.info(null, "The column mapping " + deleting + " is deleted.");
      siteMappings = mappings.list(me.caller(), me.getSiteId());
      if (deleting.equals(layout)) {
        layout = ImportLayout.YARDI.apiName();
      }
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
    deleting = null;
  }

  /** The field a refusal of the mapping names (the API's names), to show it beside that field. */
  private static String fieldOf(String message) {
    for (ResidentField field : ResidentField.values()) {
      if (message.startsWith("columns." + field.jsonName() + " ")) {
        return "mappingForm:column_" + field.jsonName();
      }
    }
    if (message.startsWith("currentStatuses") || message.startsWith("status ")) {
      return "mappingForm:currentStatuses";
    }
    if (message.startsWith("formerStatuses")) {
      return "mappingForm:formerStatuses";
    }
    if (message.startsWith("name")) {
      return "mappingForm:mappingName";
    }
    return null;
  }

  /** The API's field names as the page's labels. */
  private String translated(String message) {
    String text = message;
    for (ResidentField field : ResidentField.values()) {
      text = text.replace("columns." + field.jsonName(), columnLabel(field));
    }
    return text.replace("currentStatuses", "Current statuses")
        .replace("formerStatuses", "Former statuses");
  }

  private static List<String> statuses(String typed) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    return Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  // --- accessors ---

  public Long getImportId() {
    return importId;
  }

  public void setImportId(Long importId) {
    this.importId = importId;
  }

  public ImportView getCurrent() {
    return current;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }

  public String getLayout() {
    return layout;
  }

  public void setLayout(String layout) {
    this.layout = layout;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public boolean isForce() {
    return force;
  }

  public void setForce(boolean force) {
    this.force = force;
  }

  public boolean isRestartForce() {
    return restartForce;
  }

  public void setRestartForce(boolean restartForce) {
    this.restartForce = restartForce;
  }

  public List<ImportMappingView> getSiteMappings() {
    return siteMappings;
  }

  public LazyDataModel<ImportView> getHistory() {
    return history;
  }

  public boolean isMappingFormShown() {
    return mappingFormShown;
  }

  public boolean isEditing() {
    return editing;
  }

  public String getMappingName() {
    return mappingName;
  }

  public void setMappingName(String mappingName) {
    this.mappingName = mappingName;
  }

  public Map<String, String> getMappingColumns() {
    return mappingColumns;
  }

  public String getCurrentStatuses() {
    return currentStatuses;
  }

  public void setCurrentStatuses(String currentStatuses) {
    this.currentStatuses = currentStatuses;
  }

  public String getFormerStatuses() {
    return formerStatuses;
  }

  public void setFormerStatuses(String formerStatuses) {
    this.formerStatuses = formerStatuses;
  }

  public String getDeleting() {
    return deleting;
  }
}
