package com.smartpackageroom.ejb.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) that find a secret without storing it: a key value at a site, a
 * contact typed at a kiosk. Without the hash key the 10^6 possible PINs cannot be tried offline.
 */
@ApplicationScoped
public class LookupHash {

  private static final String ALGORITHM = "HmacSHA256";

  @Inject KeyRing keys;

  private final ThreadLocal<Mac> macs =
      ThreadLocal.withInitial(
          () -> {
            try {
              Mac mac = Mac.getInstance(ALGORITHM);
              mac.init(new SecretKeySpec(keys.hashKey(), ALGORITHM));
              return mac;
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
          });

  /** The index of a key value (PIN, QR token, card UID) at a site. */
  public String ofKey(Long siteId, String type, String value) {
    return hash("key|" + siteId + "|" + type + "|" + value);
  }

  /** The index of a contact (normalised email or E.164 phone) at a site. */
  public String ofContact(Long siteId, String contact) {
    return hash("contact|" + siteId + "|" + contact);
  }

  /** A hash under a purpose of its own (session signatures and the like). */
  public byte[] mac(String purposeAndMessage) {
    Mac mac = macs.get();
    return mac.doFinal(purposeAndMessage.getBytes(StandardCharsets.UTF_8));
  }

  private String hash(String message) {
    return HexFormat.of().formatHex(mac(message));
  }
}
