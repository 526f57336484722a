package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentRow;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/**
 * Stores the good lines of a chunk; a replayed chunk stores nothing twice. A resident id that an
 * earlier line already holds is refused (the first line wins) once the file is read, for all lines
 * at once ({@link ImportLines#refuseDuplicates}): looked for chunk by chunk, every chunk would
 * search the lines stored before it.
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
    lines.insertGood(importId, fresh);
    lines.count(importId, fresh.size(), 0, 0, 0, 0, 0);
  }
}
