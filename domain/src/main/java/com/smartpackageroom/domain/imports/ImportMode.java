package com.smartpackageroom.domain.imports;

import java.util.Locale;
import java.util.Optional;

/** Whether a file is the whole list of residents or only some of them. */
public enum ImportMode {
  /** The file lists every current resident: imported residents missing from it move out. */
  FULL,
  /** The file lists changes only: nobody moves out for being absent. */
  INCREMENTAL;

  public static Optional<ImportMode> named(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of(FULL);
    }
    for (ImportMode mode : values()) {
      if (mode.name().equalsIgnoreCase(name.strip())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
