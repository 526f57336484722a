package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.ResidentField;
import com.smartpackageroom.domain.imports.ResidentRows;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The fingerprint of a line's values as an import reads them: 64 bits of SHA-256 over everything
 * that decides what the line means (the rules' version, the site's country, the layout's fields and
 * statuses) and the values of the fields it reads, as they are in the file. Two lines of the same
 * fingerprint are read alike, so a line whose fingerprint is the one of the line last applied to a
 * resident (who changed in no other way since) leaves that resident unchanged. Column order,
 * quoting and the columns the layout does not read make no difference. Never 0.
 */
public final class LineFingerprint {

  private final byte[] context;

  LineFingerprint(ImportLayout layout, String region) {
    context =
        digest(
            ("rules="
                    + ResidentRows.RULES_VERSION
                    + " region="
                    + region
                    + " layout="
                    + layout.meaning())
                .getBytes(StandardCharsets.UTF_8));
  }

  /** The fingerprint of a line's values by field (a field the line lacks: absent or null). */
  long of(Map<ResidentField, String> values) {
    // the line as one run of bytes, each value after its length (no two lines run into the same
    // bytes), digested at once
    StringBuilder line = new StringBuilder(128);
    for (ResidentField field : ResidentField.values()) {
      String value = values.get(field);
      if (value == null) {
        line.append('-');
      } else {
        line.append(value.length()).append(':').append(value);
      }
      line.append('\n');
    }
    MessageDigest sha = SHA256.get();
    sha.reset();
    sha.update(context);
    sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
    long hash = ByteBuffer.wrap(sha.digest()).getLong();
    return hash == 0 ? 1 : hash;
  }

  /** One digest per thread: the read step fingerprints lines on several. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(LineFingerprint::sha256);

  private static byte[] digest(byte[] bytes) {
    return sha256().digest(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256", e);
    }
  }
}
