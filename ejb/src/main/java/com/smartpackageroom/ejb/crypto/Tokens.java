package com.smartpackageroom.ejb.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random bearer tokens and their stored hashes. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A new token of {@code bytes} random bytes (at least 16), URL-safe, with a readable prefix. */
  public static String random(String prefix, int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** SHA-256 of a high-entropy token, as stored (a token is never stored itself). */
  public static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two secrets in time that does not depend on where they differ. */
  public static boolean sameSecret(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  public static SecureRandom secureRandom() {
    return RANDOM;
  }
}
