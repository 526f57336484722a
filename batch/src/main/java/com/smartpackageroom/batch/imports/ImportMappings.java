package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.ImportMapping;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The column mappings a site defines for resident exports the import does not know out of the box,
 * and the layout an import's {@code layout} parameter names: a built-in one or a mapping of the
 * import's site.
 */
@Stateless
public class ImportMappings {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Clock clock;

  /** What a PUT of a mapping did. */
  public record Saved(ImportMappingView mapping, boolean created) {}

  /** Creates or replaces the mapping of that name. */
  public Saved save(
      Caller caller,
      Long siteId,
      String name,
      Map<ResidentField, String> columns,
      List<String> currentStatuses,
      List<String> formerStatuses) {
    guard.site(caller, siteId, Permission.IMPORT_RECIPIENTS);
    String checked = ImportMapping.checkedName(name);
    Optional<ImportMapping> existing = find(siteId, checked);
    ImportMapping mapping = existing.orElseGet(() -> new ImportMapping(siteId, checked));
    mapping.define(columns, currentStatuses, formerStatuses, Times.now(clock));
    if (existing.isEmpty()) {
      em.persist(mapping);
    }
    return new Saved(ImportMappingView.of(mapping), existing.isEmpty());
  }

  public List<ImportMappingView> list(Caller caller, Long siteId) {
    guard.site(caller, siteId, Permission.IMPORT_RECIPIENTS);
    return em.createQuery(
            "SELECT m FROM ImportMapping m WHERE m.siteId = :site ORDER BY m.name",
            ImportMapping.class)
        .setParameter("site", siteId)
        .getResultStream()
        .map(ImportMappingView::of)
        .toList();
  }

  public ImportMappingView get(Caller caller, Long siteId, String name) {
    guard.site(caller, siteId, Permission.IMPORT_RECIPIENTS);
    return ImportMappingView.of(existing(siteId, name));
  }

  public void delete(Caller caller, Long siteId, String name) {
    guard.site(caller, siteId, Permission.IMPORT_RECIPIENTS);
    em.remove(existing(siteId, name));
  }

  /** The layout a name stands for at a site: one known out of the box, or a mapping of the site. */
  public Optional<ImportLayout> layout(Long siteId, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    Optional<ImportLayout> builtIn = ImportLayout.named(name);
    return builtIn.isPresent()
        ? builtIn
        : find(siteId, ImportMapping.normalName(name)).map(ImportMapping::layout);
  }

  private ImportMapping existing(Long siteId, String name) {
    return find(siteId, ImportMapping.normalName(name))
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "There is no import mapping " + name + " at site " + siteId));
  }

  private Optional<ImportMapping> find(Long siteId, String name) {
    if (!ImportMapping.possibleName(name)) {
      // no mapping has it (and a NUL in it would be refused by PostgreSQL as a 500)
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT m FROM ImportMapping m WHERE m.siteId = :site AND m.name = :name",
            ImportMapping.class)
        .setParameter("site", siteId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }
}
