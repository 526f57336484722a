package com.smartpackageroom.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smartpackageroom.domain.shared.DomainException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery",
        "Tide-Lantern-Quiet-42",
        "mein Paket ist da!",
        "éèêëéèêëéèêë€"
      })
  void acceptsLongUncommonPasswords(String password) {
    assertNull(PasswordPolicy.problem(password, "ana@example.org"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "short", "elevenchars"})
  void refusesFewerThanTwelveCharacters(String password) {
    assertEquals(
        "The password must have at least 12 characters",
        PasswordPolicy.problem(password, "ana@example.org"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password1234",
        "Password1234",
        "PASSWORDPASSWORD",
        "qwertyuiopasdfghjkl",
        "1q2w3e4r5t6y",
        "iloveyou2024",
        "aaaaaaaaaaaa",
        "abcabcabcabc",
        "123456789012",
        "987654321098",
        "abcdefghijklm",
        "smartpackageroom"
      })
  void refusesCommonPasswordsIgnoringCase(String password) {
    assertEquals(
        "This password is too common: choose one that is harder to guess",
        PasswordPolicy.problem(password, "ana@example.org"));
  }

  @Test
  void refusesTheEmailAddress() {
    assertNotNull(PasswordPolicy.problem("ana.lopez@example.org", "ana.lopez@example.org"));
    assertNotNull(PasswordPolicy.problem("Ana.Lopez.Home", "ana.lopez.home@example.org"));
  }

  @Test
  void refusesMoreThan128Characters() {
    assertNotNull(PasswordPolicy.problem("x1y2".repeat(33), null));
  }

  @Test
  void checkThrowsWeakPassword() {
    DomainException e =
        assertThrows(DomainException.class, () -> PasswordPolicy.check("password1234", null));
    assertEquals("weak-password", e.code());
  }

  @Test
  void theHundredthFailureLocksAndUnlockClearsTheCount() {
    OffsetDateTime now = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    Account account = new Account("ana@example.org", "Ana", "Lopez", Role.STAFF, now);
    account.setPassword("hash", now, true);
    for (int i = 1; i < 100; i++) {
      assertEquals(false, account.recordFailedSignIn(100, now));
    }
    assertEquals(true, account.recordFailedSignIn(100, now));
    assertEquals(false, account.maySignIn());
    assertEquals(false, account.recordFailedSignIn(100, now));
    account.unlock();
    assertEquals(true, account.maySignIn());
    assertEquals(0, account.getFailedSignIns());
  }
}
