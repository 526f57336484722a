package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.InvalidRowException;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.imports.ResidentRows;
import com.smartpackageroom.domain.site.Site;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Normalises and checks a line; a bad line raises {@link InvalidRowException}, which the step skips
 * and {@link BadLineRecorder} reports.
 */
@Named
@Dependent
public class ResidentLineProcessor implements ItemProcessor {

  @Inject JobContext job;

  @EJB ImportRecords records;

  @EJB ImportMappings mappings;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  private ImportLayout layout;
  private String region;

  @Override
  public Object processItem(Object item) throws InvalidRowException {
    if (layout == null) {
      RecipientImport imp = records.find(ImportJob.importId(job));
      layout = ImportJob.layout(mappings, imp);
      region = em.find(Site.class, imp.getSiteId()).getCountry();
    }
    RawLine raw = (RawLine) item;
    if (raw.problem() != null) {
      throw new InvalidRowException(
          raw.line(), raw.values().get(ResidentField.EXTERNAL_ID), raw.problem());
    }
    return ResidentRows.normalize(raw.line(), raw.values(), layout, region);
  }
}
