package com.smartpackageroom.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecipientImportTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 11, 22, 2, 0, 0, 0, ZoneOffset.UTC);

  private static RecipientImport newImport() {
    return new RecipientImport(1L, "yardi", ImportMode.FULL, false, "/tmp/f.csv", 10, "it", NOW);
  }

  @Test
  void aResumedRunSkipsTheStepsFinishedInOrder() {
    RecipientImport imp = newImport();
    assertFalse(imp.hasDone("read"));
    imp.stepDone("read", NOW);
    imp.stepDone("check", NOW);
    assertTrue(imp.hasDone("read"));
    assertTrue(imp.hasDone("check"));
    assertFalse(imp.hasDone("apply"));
    assertFalse(imp.hasDone("clean-up"));
    // a step repeated by a resumed run does not take the import back
    imp.stepDone("read", NOW);
    assertTrue(imp.hasDone("check"));
    assertThrows(IllegalArgumentException.class, () -> imp.hasDone("no-such-step"));
  }

  @Test
  void aRunningImportIsInTheStepAfterTheLastItFinishedAndAnEndedOneInNone() {
    RecipientImport imp = newImport();
    imp.running();
    assertEquals("read", imp.currentStep().orElseThrow());
    imp.stepDone("read", NOW);
    assertEquals("check", imp.currentStep().orElseThrow());
    imp.stepDone("check", NOW);
    imp.stepDone("apply", NOW);
    assertEquals("move-out", imp.currentStep().orElseThrow());
    imp.stepDone("move-out", NOW);
    assertEquals("clean-up", imp.currentStep().orElseThrow());
    imp.finished(ImportStatus.COMPLETED, null, NOW);
    assertTrue(imp.currentStep().isEmpty(), "an import that ended is in no step");
  }

  @Test
  void onlyAFailedOrStoppedImportRunsAgainAndForgetsWhyItFailed() {
    RecipientImport imp = newImport();
    assertFalse(imp.isRestartable(), "a starting import");
    imp.failing("suspicious");
    imp.finished(ImportStatus.FAILED, "The import failed", NOW);
    assertTrue(imp.isRestartable());
    imp.rerun("server@host", true, NOW.plusMinutes(5));
    assertEquals(ImportStatus.STARTING, imp.getStatus());
    assertNull(imp.getFailureReason());
    assertNull(imp.getFinishedAt());
    assertTrue(imp.isForced());
    assertEquals(2, imp.getRuns());
    assertEquals("server@host", imp.getRunOwner());
    assertEquals(NOW.plusMinutes(5), imp.getHeartbeatAt());

    imp.finished(ImportStatus.COMPLETED, null, NOW);
    assertFalse(imp.isRestartable(), "a completed import");
  }
}
