package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.ejb.crypto.LookupHash;
import com.smartpackageroom.ejb.crypto.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kiosk session tokens: signed, not stored, so a sign-in writes no session row and any instance can
 * check a token. A session ended early is recorded (KioskSessionEnd).
 */
@ApplicationScoped
public class KioskSessions {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  @Inject LookupHash hashes;

  @Inject
  @ConfigProperty(name = "spr.kiosk.session-lifetime", defaultValue = "PT5M")
  Duration lifetime;

  public record Claims(String sessionId, long kioskId, long keyId, Instant expiresAt) {}

  /** A session for the holder of a key who has just signed in at a kiosk. */
  public SignInView open(
      long kioskId, long keyId, HolderKind holderKind, String displayName, Instant now) {
    Instant expiresAt = now.plus(lifetime);
    return new SignInView(
        issue(kioskId, keyId, expiresAt),
        expiresAt,
        new SignInView.HolderView(holderKind.name(), displayName));
  }

  public String issue(long kioskId, long keyId, Instant expiresAt) {
    String sessionId = Tokens.random("", 16);
    String payload = sessionId + "." + kioskId + "." + keyId + "." + expiresAt.getEpochSecond();
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + ENCODER.encodeToString(sign(encoded));
  }

  /** The claims of a token this server signed, or empty for anything else. */
  public Optional<Claims> verify(String token) {
    if (token == null || token.length() > 300) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 1 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      String encoded = token.substring(0, dot);
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(encoded))) {
        return Optional.empty();
      }
      String[] parts = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\.");
      if (parts.length != 4) {
        return Optional.empty();
      }
      return Optional.of(
          new Claims(
              parts[0],
              Long.parseLong(parts[1]),
              Long.parseLong(parts[2]),
              Instant.ofEpochSecond(Long.parseLong(parts[3]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String encodedPayload) {
    return hashes.mac("kiosk-session|" + encodedPayload);
  }
}
