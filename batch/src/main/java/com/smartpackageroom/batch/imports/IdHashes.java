package com.smartpackageroom.batch.imports;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The resident ids an import's read step has stored so far, as 64-bit hashes in an open-addressing
 * table (8 bytes a line at most twice over: 16 MB for a million lines): a line whose id hash was
 * seen before is a suspect, which the database then checks exactly against the earlier lines. So a
 * batch's duplicates are found without comparing every line with the database, and a hash shared by
 * two different ids (some chance in 10^7 for a million ids) costs one more exact check, never a
 * wrong answer.
 */
public final class IdHashes {

  private long[] slots = new long[1 << 12];
  private int size;

  /** Adds the id; false when its hash was already there (the line is a suspect). */
  public boolean add(String id) {
    return addHash(hash(id));
  }

  /** Adds an id by its {@link #hash}; false when it was already there. */
  boolean addHash(long hash) {
    if ((size + 1) * 2L > slots.length) {
      grow();
    }
    if (insert(slots, hash)) {
      size++;
      return true;
    }
    return false;
  }

  /** Whether an id of this {@link #hash} was added. */
  boolean containsHash(long hash) {
    int mask = slots.length - 1;
    for (int i = slot(hash, mask); slots[i] != 0; i = (i + 1) & mask) {
      if (slots[i] == hash) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return size;
  }

  private boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    int i = slot(hash, mask);
    while (table[i] != 0) {
      if (table[i] == hash) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = hash;
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long hash : old) {
      if (hash != 0) {
        insert(slots, hash);
      }
    }
  }

  /**
   * A secret of this server's run: the hashes (and so the table's slots) of ids cannot be foreseen,
   * so no file can be made of ids that crowd into one part of the table (every insert would then
   * search a longer run of slots: a quadratic import).
   */
  private static final long SEED = new SecureRandom().nextLong();

  /**
   * FNV-1a over the id's UTF-8 bytes from a secret start, mixed with the secret (SplitMix64's
   * finaliser); never 0 (an empty slot). The same id hashes alike within one run of the server
   * only: hashes are never stored.
   */
  static long hash(String id) {
    return keyed(id, SEED);
  }

  /** {@link #hash(String)} of an id given as UTF-8 bytes within an array. */
  static long hash(byte[] utf8, int offset, int length) {
    return keyed(utf8, offset, length, SEED);
  }

  /**
   * A second hash of the id, by a secret of its own: with {@link #hash} it tells ids apart where
   * they are not kept (128 bits: two different ids of one file alike in both is not to be expected
   * in the life of the universe).
   */
  static long check(String id) {
    return keyed(id, CHECK_SEED);
  }

  /** {@link #check(String)} of an id given as UTF-8 bytes within an array. */
  static long check(byte[] utf8, int offset, int length) {
    return keyed(utf8, offset, length, CHECK_SEED);
  }

  private static final long CHECK_SEED = new SecureRandom().nextLong();

  /** {@link #keyed(byte[], long)} of the id's UTF-8 bytes, read from its chars while ASCII. */
  private static long keyed(String id, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    int n = id.length();
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c >= 0x80) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        return keyed(utf8, 0, utf8.length, seed);
      }
      h ^= c;
      h *= 0x100000001b3L;
    }
    return finish(h, seed);
  }

  private static long keyed(byte[] utf8, int offset, int length, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (int i = offset; i < offset + length; i++) {
      h ^= utf8[i] & 0xff;
      h *= 0x100000001b3L;
    }
    return finish(h, seed);
  }

  /** FNV-1a's state mixed with the secret; never 0 (an empty slot). */
  private static long finish(long h, long seed) {
    long mixed = mix(h ^ Long.rotateLeft(seed, 32));
    return mixed == 0 ? 1 : mixed;
  }

  /** SplitMix64's finaliser: every bit of the result depends on every bit of {@code h}. */
  static long mix(long h) {
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }

  /** The slot of a hash in a table of {@code mask + 1} slots, by the run's secret. */
  static int slot(long hash, int mask) {
    long h = mix(hash ^ SEED);
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
