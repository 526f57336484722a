package com.smartpackageroom.domain.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(212) 555-0143",
        "212.555.0143",
        "2125550143",
        "+1 212 555 0143",
        "1-212-555-0143",
        "212-555-0143"
      })
  void phonesInNationalFormatsBecomeE164(String raw) {
    assertEquals("+12125550143", PhoneNumbers.toE164("phone", raw, "US"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"555", "hello", "+1 000 000 0000", "12345678901234567890"})
  void malformedPhonesAreRefusedNamingTheField(String raw) {
    DomainException e =
        assertThrows(DomainException.class, () -> PhoneNumbers.toE164("phone", raw, "US"));
    assertEquals("invalid-request", e.code());
    assertTrue(e.getMessage().startsWith("phone"));
  }

  @Test
  void emailsAreTrimmedAndLowerCased() {
    assertEquals("pri.1@example.org", EmailAddresses.normalize("email", "  Pri.1@Example.ORG "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pri.example.org",
        "pri@",
        "@example.org",
        "pri@@example.org",
        "a b@x.org",
        "pri@example",
        "x..y@example.org"
      })
  void malformedEmailsAreRefused(String raw) {
    assertEquals(
        "invalid-request",
        assertThrows(DomainException.class, () -> EmailAddresses.normalize("email", raw)).code());
  }
}
