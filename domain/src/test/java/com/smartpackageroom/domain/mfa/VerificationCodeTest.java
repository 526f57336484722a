package com.smartpackageroom.domain.mfa;

import static com.smartpackageroom.domain.mfa.VerificationCode.Entry.ACCEPTED;
import static com.smartpackageroom.domain.mfa.VerificationCode.Entry.EXPIRED;
import static com.smartpackageroom.domain.mfa.VerificationCode.Entry.SPENT;
import static com.smartpackageroom.domain.mfa.VerificationCode.Entry.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {

  private static final OffsetDateTime SENT =
      OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void theRightCodeWorksOnce() {
    VerificationCode code = new VerificationCode(1L, "h", SENT);
    assertEquals(ACCEPTED, code.enter(true, SENT.plusMinutes(1)));
    assertEquals(SPENT, code.enter(true, SENT.plusMinutes(2)));
  }

  @Test
  void validForTenMinutes() {
    assertEquals(ACCEPTED, new VerificationCode(1L, "h", SENT).enter(true, SENT.plusSeconds(599)));
    assertEquals(EXPIRED, new VerificationCode(1L, "h", SENT).enter(true, SENT.plusMinutes(10)));
  }

  @Test
  void deadAfterFiveWrongEntries() {
    VerificationCode code = new VerificationCode(1L, "h", SENT);
    for (int i = 0; i < VerificationCode.MAX_WRONG_ENTRIES; i++) {
      assertEquals(WRONG, code.enter(false, SENT.plusSeconds(i)));
    }
    assertEquals(SPENT, code.enter(true, SENT.plusSeconds(10)));
    assertEquals(5, code.getWrongEntries());
  }

  @Test
  void fourWrongEntriesLeaveTheCodeUsable() {
    VerificationCode code = new VerificationCode(1L, "h", SENT);
    for (int i = 0; i < 4; i++) {
      code.enter(false, SENT);
    }
    assertEquals(ACCEPTED, code.enter(true, SENT));
  }
}
