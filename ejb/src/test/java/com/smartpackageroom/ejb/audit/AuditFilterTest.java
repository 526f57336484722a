package com.smartpackageroom.ejb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.shared.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditFilterTest {

  @Test
  void blankParametersFilterNothing() {
    assertEquals(AuditFilter.NONE, AuditFilter.parse(null, "", "  ", null, ""));
  }

  @Test
  void everyParameterIsRead() {
    AuditFilter filter =
        AuditFilter.parse(
            "2026-11-30T00:00:00Z", "2026-12-01T01:00:00+01:00", " kiosk:3 ", "3", "key_used");
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), filter.from());
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), filter.to());
    assertEquals("kiosk:3", filter.actor());
    assertEquals(3L, filter.kioskId());
    assertEquals(AuditEventType.KEY_USED, filter.type());
  }

  @ParameterizedTest
  @CsvSource({
    "from, yesterday, , , , ",
    "from, 2026-12-01, , , , ",
    "to, , 2026-12-01T25:00:00Z, , , ",
    "kioskId, , , , abc, ",
    "kioskId, , , , 99999999999999999999, ",
    "type, , , , , KEY_STOLEN",
    "from must be a date between the years 1 and 9999, +100000-01-01T00:00:00Z, , , , ",
    "to must be a date between the years 1 and 9999, , -000001-12-31T00:00:00Z, , , ",
    "from must be before to, 2026-12-02T00:00:00Z, 2026-12-01T00:00:00Z, , , ",
    "from must be before to, 2026-12-01T00:00:00Z, 2026-12-01T00:00:00Z, , , "
  })
  void aMalformedParameterIsRefusedByName(
      String named, String from, String to, String actor, String kioskId, String type) {
    DomainException refused =
        assertThrows(
            DomainException.class, () -> AuditFilter.parse(from, to, actor, kioskId, type));
    assertEquals("invalid-request", refused.code());
    assertTrue(refused.getMessage().startsWith(named), refused.getMessage());
  }

  @Test
  void anActorIsBoundedAndFreeOfControlCharacters() {
    assertTrue(
        assertThrows(
                DomainException.class,
                () -> AuditFilter.parse(null, null, "x".repeat(101), null, null))
            .getMessage()
            .startsWith("actor"));
    assertTrue(
        assertThrows(
                DomainException.class, () -> AuditFilter.parse(null, null, "a\u0000b", null, null))
            .getMessage()
            .startsWith("actor"));
  }
}
