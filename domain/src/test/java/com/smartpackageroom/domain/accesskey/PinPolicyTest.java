package com.smartpackageroom.domain.accesskey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.shared.DomainException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "000000", "111111", "999999", "123456", "234567", "456789", "890123", "654321", "987654",
        "210987", "121212", "123123", "111222", "777000", "112233", "696969", "147258"
      })
  void refusesWhatAPasserByWouldTryFirst(String pin) {
    assertTrue(PinPolicy.isWeak(pin), pin);
    DomainException e = assertThrows(DomainException.class, () -> PinPolicy.checkCustom(pin));
    assertEquals("weak-pin", e.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"582039", "104729", "730461", "019283"})
  void acceptsUnremarkablePins(String pin) {
    assertFalse(PinPolicy.isWeak(pin), pin);
    PinPolicy.checkCustom(pin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12a456", " 12345", "１２３４５６"})
  void refusesAnythingButSixDigitsAsInvalid(String pin) {
    assertFalse(PinPolicy.isWellFormed(pin));
    DomainException e = assertThrows(DomainException.class, () -> PinPolicy.checkCustom(pin));
    assertEquals("invalid-request", e.code());
  }

  @Test
  void generatesSixDigitPinsThatAreNeverWeak() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 20_000; i++) {
      String pin = PinPolicy.generate(random);
      assertTrue(PinPolicy.isWellFormed(pin), pin);
      assertFalse(PinPolicy.isWeak(pin), pin);
    }
  }
}
