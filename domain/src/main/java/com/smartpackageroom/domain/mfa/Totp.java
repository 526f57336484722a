package com.smartpackageroom.domain.mfa;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as authenticator apps compute
 * them: HMAC-SHA1, 6 digits, 30-second steps. A code is accepted one step early or late, so that a
 * phone's clock a little off still works, and each step only once.
 */
public final class Totp {

  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;

  /** 160 bits, the size of an HMAC-SHA1 key, as RFC 4226 recommends. */
  public static final int SECRET_BYTES = 20;

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private Totp() {}

  public static byte[] newSecret(SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return secret;
  }

  public static long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one time step; {@code algorithm} is a JCE MAC name such as "HmacSHA1". */
  public static String code(byte[] secret, long step, int digits, String algorithm) {
    byte[] counter = new byte[8];
    for (int i = 7; i >= 0; i--) {
      counter[i] = (byte) (step >>> (8 * (7 - i)));
    }
    byte[] hash;
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, "RAW"));
      hash = mac.doFinal(counter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    String digitsOnly = Integer.toString(binary % POWERS_OF_TEN[digits]);
    return "0".repeat(digits - digitsOnly.length()) + digitsOnly;
  }

  public static String code(byte[] secret, long step) {
    return code(secret, step, DIGITS, "HmacSHA1");
  }

  /**
   * The step whose code {@code typed} is, within one step of {@code now} and later than {@code
   * lastUsedStep} (a code already used, or an older one, is refused), or empty.
   */
  public static OptionalLong matchingStep(
      byte[] secret, String typed, Instant now, Long lastUsedStep) {
    if (typed == null || !typed.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    OptionalLong found = OptionalLong.empty();
    // every candidate is computed and compared, so the time taken tells nothing
    for (long step = current - 1; step <= current + 1; step++) {
      boolean same =
          MessageDigest.isEqual(code(secret, step).getBytes(), typed.getBytes())
              && (lastUsedStep == null || step > lastUsedStep);
      if (same && found.isEmpty()) {
        found = OptionalLong.of(step);
      }
    }
    return found;
  }

  /** The otpauth URI an authenticator app reads from a QR code (Key Uri Format). */
  public static String otpauthUri(String issuer, String accountName, byte[] secret) {
    String label = encode(issuer) + ":" + encode(accountName);
    return "otpauth://totp/"
        + label
        + "?secret="
        + Base32.encode(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
