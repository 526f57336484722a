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
    // bytes), digested at once: "-" for a field without a value, else its length in chars, ":" and
    // its UTF-8 bytes, then a line break. Written into this thread's array (no string is built
    // for a line)
    Object[] kept = THREAD.get();
    Buffer line = new Buffer((byte[]) kept[0]);
    for (ResidentField field : FIELDS) {
      String value = values.get(field);
      if (value == null) {
        line.put('-');
      } else {
        line.putNumber(value.length());
        line.put(':');
        line.putUtf8(value);
      }
      line.put('\n');
    }
    kept[0] = line.bytes;
    MessageDigest sha = (MessageDigest) kept[1];
    sha.reset();
    sha.update(context);
    sha.update(line.bytes, 0, line.size);
    long hash = ByteBuffer.wrap(sha.digest()).getLong();
    return hash == 0 ? 1 : hash;
  }

  /** A line's bytes as they are digested, in an array its thread reuses. */
  private static final class Buffer {
    byte[] bytes;
    int size;

    Buffer(byte[] bytes) {
      this.bytes = bytes;
    }

    void put(char ascii) {
      room(1);
      bytes[size++] = (byte) ascii;
    }

    /** A length (0 or more) in decimal digits, as Integer.toString writes it. */
    void putNumber(int n) {
      int digits = 1;
      for (int rest = n / 10; rest > 0; rest /= 10) {
        digits++;
      }
      room(digits);
      for (int i = size + digits - 1; i >= size; i--) {
        bytes[i] = (byte) ('0' + n % 10);
        n /= 10;
      }
      size += digits;
    }

    /** The value's UTF-8 bytes, as String.getBytes(UTF_8) gives them. */
    void putUtf8(String value) {
      int n = value.length();
      room(n);
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          // not ASCII: the rest encoded by the JDK, which knows every case (surrogates included)
          byte[] rest = value.substring(i).getBytes(StandardCharsets.UTF_8);
          room(rest.length);
          System.arraycopy(rest, 0, bytes, size, rest.length);
          size += rest.length;
          return;
        }
        bytes[size++] = (byte) c;
      }
    }

    private void room(int more) {
      if (size + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }

  private static final ResidentField[] FIELDS = ResidentField.values();

  /**
   * Each thread's array for the lines it digests (grown to its longest line) and its digest (the
   * read step fingerprints lines on several threads), held as JDK types: the batch threads outlive
   * a redeployment, and a value of one of the application's classes would keep its class loader.
   */
  private static final ThreadLocal<Object[]> THREAD =
      ThreadLocal.withInitial(() -> new Object[] {new byte[512], sha256()});

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
