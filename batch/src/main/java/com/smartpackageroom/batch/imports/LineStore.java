package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentRow;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores the good lines of a chunk; a resident id that an earlier line already holds is refused
 * (the first line wins). A replayed chunk stores nothing twice.
 */
@Named
@Dependent
public class LineStore extends AbstractItemWriter {

  @Inject JobContext job;

  @Inject ImportLines lines;

  @Override
  public void writeItems(List<Object> items) {
    if (items.isEmpty()) {
      return;
    }
    long importId = ImportJob.importId(job);
    List<ResidentRow> rows = items.stream().map(ResidentRow.class::cast).toList();
    Set<Long> stored = lines.stored(importId, rows.get(0).line(), rows.get(rows.size() - 1).line());
    List<ResidentRow> fresh = rows.stream().filter(r -> !stored.contains(r.line())).toList();
    Map<String, Long> earlier =
        new HashMap<>(
            lines.linesOf(importId, fresh.stream().map(ResidentRow::externalId).toList()));
    List<ResidentRow> good = new ArrayList<>();
    long duplicates = 0;
    for (ResidentRow row : fresh) {
      Long first = earlier.putIfAbsent(row.externalId(), row.line());
      if (first != null) {
        lines.insertError(
            importId,
            row.line(),
            row.externalId(),
            "resident id " + row.externalId() + " already on line " + first);
        duplicates++;
      } else {
        good.add(row);
      }
    }
    lines.insertGood(importId, good);
    lines.count(importId, fresh.size(), duplicates, 0, 0, 0, 0);
  }
}
