package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportMapping;
import com.smartpackageroom.domain.imports.ResidentField;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A site's column mapping as the API shows it. */
public record ImportMappingView(
    String name,
    Map<String, String> columns,
    List<String> currentStatuses,
    List<String> formerStatuses,
    Instant updatedAt) {

  static ImportMappingView of(ImportMapping mapping) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (Map.Entry<ResidentField, String> c : mapping.columns().entrySet()) {
      columns.put(c.getKey().jsonName(), c.getValue());
    }
    return new ImportMappingView(
        mapping.getName(),
        columns,
        mapping.current(),
        mapping.former(),
        mapping.getUpdatedAt().toInstant());
  }
}
