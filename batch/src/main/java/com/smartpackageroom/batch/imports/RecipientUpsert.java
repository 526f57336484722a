package com.smartpackageroom.batch.imports;

import com.smartpackageroom.batch.imports.ImportLines.Outcome;
import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.imports.ResidentRow;
import com.smartpackageroom.domain.recipient.Recipient;
import com.smartpackageroom.domain.recipient.RecipientSource;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.KeyLifecycle;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies a chunk of lines to the site's recipients, matched by their external id: new residents
 * are added (and get their PIN and QR code), changed ones updated, those whose status says they
 * left move out and their keys stop working.
 */
@Named
@Dependent
public class RecipientUpsert extends AbstractItemWriter {

  @Inject JobContext job;

  @Inject ImportLines lines;

  @Inject KeyLifecycle keys;

  @EJB AccessKeyService accessKeys;

  @EJB ImportRecords records;

  @Inject Clock clock;

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "spr.import.issue-keys", defaultValue = "true")
  boolean issueKeys;

  @Override
  public void writeItems(List<Object> items) {
    long importId = ImportJob.importId(job);
    RecipientImport imp = records.find(importId);
    Site site = em.find(Site.class, imp.getSiteId());
    Caller caller = ImportJob.caller(importId);
    OffsetDateTime now = Times.now(clock);
    List<ResidentRow> rows = items.stream().map(ResidentRow.class::cast).toList();
    Map<String, Recipient> known =
        em.createQuery(
                "SELECT r FROM Recipient r WHERE r.siteId = :site AND r.externalId IN :ids",
                Recipient.class)
            .setParameter("site", site.getId())
            .setParameter("ids", rows.stream().map(ResidentRow::externalId).toList())
            .getResultStream()
            .collect(Collectors.toMap(Recipient::getExternalId, Function.identity()));
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    List<Recipient> welcome = new ArrayList<>();
    for (ResidentRow row : rows) {
      Recipient r = known.get(row.externalId());
      if (r == null) {
        r = new Recipient(site.getId(), RecipientSource.IMPORT, now);
        r.setExternalId(row.externalId());
        copy(row, r);
        if (row.movedOut()) {
          r.moveOut();
        } else {
          welcome.add(r);
        }
        em.persist(r);
        outcomes.put(row.line(), Outcome.INSERTED);
        continue;
      }
      boolean changed = copy(row, r);
      Outcome outcome = changed ? Outcome.UPDATED : Outcome.UNCHANGED;
      if (row.movedOut() && r.isActive()) {
        r.moveOut();
        keys.deactivateAllOf(caller, HolderKind.RECIPIENT, r.getId(), now);
        outcome = Outcome.MOVED_OUT;
      } else if (!row.movedOut() && !r.isActive()) {
        r.moveIn();
        if (!hasActiveKey(r)) {
          welcome.add(r);
        }
        outcome = Outcome.UPDATED;
      }
      if (outcome != Outcome.UNCHANGED) {
        r.touch(now);
      }
      outcomes.put(row.line(), outcome);
    }
    em.flush();
    if (issueKeys) {
      for (Recipient r : welcome) {
        accessKeys.welcome(caller, site, r);
      }
      em.flush();
    }
    lines.markOutcomes(importId, outcomes);
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    outcomes.values().forEach(o -> counts.merge(o, 1L, Long::sum));
    lines.count(
        importId,
        0,
        0,
        counts.getOrDefault(Outcome.INSERTED, 0L),
        counts.getOrDefault(Outcome.UPDATED, 0L),
        counts.getOrDefault(Outcome.UNCHANGED, 0L),
        counts.getOrDefault(Outcome.MOVED_OUT, 0L));
  }

  /** Copies the file's fields; whether any differed. */
  private static boolean copy(ResidentRow row, Recipient r) {
    boolean changed =
        !(Objects.equals(r.getFirstName(), row.firstName())
            && Objects.equals(r.getLastName(), row.lastName())
            && Objects.equals(r.getUnit(), row.unit())
            && Objects.equals(r.getEmail(), row.email())
            && Objects.equals(r.getPhone(), row.phone()));
    if (changed) {
      r.setFirstName(row.firstName());
      r.setLastName(row.lastName());
      r.setUnit(row.unit());
      r.setEmail(row.email());
      r.setPhone(row.phone());
    }
    return changed;
  }

  private boolean hasActiveKey(Recipient r) {
    return keys.keysOf(HolderKind.RECIPIENT, r.getId()).stream()
        .anyMatch(k -> k.getStatus() == AccessKeyStatus.ACTIVE);
  }
}
