package com.smartpackageroom.domain.mfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  private static final byte[] SHA1_SEED =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238, Appendix B: 8-digit codes of the three hash functions. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void rfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertEquals(sha1, Totp.code(SHA1_SEED, step, 8, "HmacSHA1"));
    assertEquals(sha256, Totp.code(SHA256_SEED, step, 8, "HmacSHA256"));
    assertEquals(sha512, Totp.code(SHA512_SEED, step, 8, "HmacSHA512"));
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheRfcCodes() {
    assertEquals("287082", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59))));
    assertEquals("081804", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109))));
  }

  @Test
  void acceptsOneStepOfDriftEitherWay() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.step(now);
    for (long drift = -1; drift <= 1; drift++) {
      String code = Totp.code(SHA1_SEED, step + drift);
      assertEquals(
          OptionalLong.of(step + drift), Totp.matchingStep(SHA1_SEED, code, now, null), "" + drift);
    }
    assertTrue(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now, null).isEmpty());
    assertTrue(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now, null).isEmpty());
  }

  @Test
  void aCodeWorksOnceAndNoOlderOneAfterIt() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.step(now);
    String code = Totp.code(SHA1_SEED, step);
    assertTrue(Totp.matchingStep(SHA1_SEED, code, now, step).isEmpty());
    assertTrue(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now, step).isEmpty());
    assertEquals(
        OptionalLong.of(step + 1),
        Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, step));
  }

  @Test
  void refusesWhatIsNotSixDigits() {
    Instant now = Instant.ofEpochSecond(59);
    assertTrue(Totp.matchingStep(SHA1_SEED, "28708", now, null).isEmpty());
    assertTrue(Totp.matchingStep(SHA1_SEED, "94287082", now, null).isEmpty());
    assertTrue(Totp.matchingStep(SHA1_SEED, null, now, null).isEmpty());
    assertTrue(Totp.matchingStep(SHA1_SEED, "28708a", now, null).isEmpty());
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(SHA1_SEED));
    byte[] secret = Totp.newSecret(new SecureRandom());
    assertArrayEquals(secret, Base32.decode(Base32.encode(secret)));
  }

  @Test
  void otpauthUriNamesIssuerAccountAndSecret() {
    assertEquals(
        "otpauth://totp/Smart%20Package%20Room:ana%40example.org?secret="
            + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Smart%20Package%20Room"
            + "&algorithm=SHA1&digits=6&period=30",
        Totp.otpauthUri("Smart Package Room", "ana@example.org", SHA1_SEED));
  }
}
