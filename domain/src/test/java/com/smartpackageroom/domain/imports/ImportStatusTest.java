package com.smartpackageroom.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportStatusTest {

  @Test
  void statusesShowAsTheApiNamesThem() {
    assertEquals(ImportStatus.STOPPED, ImportStatus.STOPPING.shown());
    assertEquals(ImportStatus.FAILED, ImportStatus.ABANDONED.shown());
    assertEquals(ImportStatus.STARTED, ImportStatus.STARTED.shown());
    assertEquals(ImportStatus.COMPLETED, ImportStatus.COMPLETED.shown());
  }
}
