package com.smartpackageroom.batch.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The site's residents as a read step starts, for the lines that leave them unchanged: each with
 * the fingerprint of the line an import last applied to them ({@link LineFingerprint}, 0 when they
 * changed in another way since, or never came from a line) and whether a full import would move
 * them out for being absent (active and imported). A line of one of those fingerprints is taken as
 * unchanged without being read further, once per resident ({@link #claim}); the active imported
 * residents that no line claimed, and of whose id no line was stored ({@link #stored}), are the
 * unseen ones, among which the file's missing are.
 *
 * <p>Held in arrays and two open-addressing tables (by fingerprint, by resident id hash): some 80
 * bytes a resident. Ids are not kept: two keyed hashes of each ({@link IdHashes#hash}, {@link
 * IdHashes#check}) tell them apart (as strings, a million ids took some 60 MB more).
 */
public final class KnownResidents {

  private long[] recipientIds = new long[1024];
  private long[] fingerprints = new long[1024];
  private long[] idHashes = new long[1024];
  private long[] idChecks = new long[1024];
  private boolean[] movable = new boolean[1024];
  private long[] claimedBy;

  /** Residents of whose id a line was stored (read in full): in the file, so not missing. */
  private boolean[] stored;

  private int size;

  /**
   * The fingerprints in an open-addressing table of pairs: a fingerprint (0: an empty slot), then
   * its resident, side by side so that a look-up reads one place of memory.
   */
  private long[] fingerprintSlots;

  private int[] byIdHash;

  /**
   * Adds a resident (before {@link #seal}).
   *
   * @param fingerprint of the line last applied to them, 0 for none
   * @param movable active and imported: moved out by a full import whose file lacks them
   */
  void add(long recipientId, String externalId, long fingerprint, boolean movable) {
    byte[] utf8 = externalId.getBytes(StandardCharsets.UTF_8);
    add(recipientId, utf8, 0, utf8.length, fingerprint, movable);
  }

  /** {@link #add(long, String, long, boolean)} with the id as UTF-8 bytes within an array. */
  void add(
      long recipientId, byte[] bytes, int offset, int length, long fingerprint, boolean movable) {
    if (claimedBy != null) {
      throw new IllegalStateException("sealed");
    }
    if (size == recipientIds.length) {
      int n = size * 2;
      recipientIds = Arrays.copyOf(recipientIds, n);
      fingerprints = Arrays.copyOf(fingerprints, n);
      idHashes = Arrays.copyOf(idHashes, n);
      idChecks = Arrays.copyOf(idChecks, n);
      this.movable = Arrays.copyOf(this.movable, n);
    }
    recipientIds[size] = recipientId;
    fingerprints[size] = fingerprint;
    idHashes[size] = IdHashes.hash(bytes, offset, length);
    idChecks[size] = IdHashes.check(bytes, offset, length);
    this.movable[size] = movable;
    size++;
  }

  /** Builds the tables; no resident is added after it. */
  KnownResidents seal() {
    int capacity = Integer.highestOneBit(Math.max(16, size * 2 - 1)) * 2;
    fingerprintSlots = new long[capacity * 2];
    byIdHash = new int[capacity];
    claimedBy = new long[size];
    stored = new boolean[size];
    int mask = capacity - 1;
    for (int k = 0; k < size; k++) {
      long print = fingerprints[k];
      if (print != 0) {
        int i = slot(print, mask);
        while (fingerprintSlots[2 * i] != 0) {
          i = (i + 1) & mask;
        }
        fingerprintSlots[2 * i] = print;
        fingerprintSlots[2 * i + 1] = k;
      }
      put(byIdHash, idHashes[k], k);
    }
    return this;
  }

  int size() {
    return size;
  }

  /**
   * The resident whose last applied line had this fingerprint and who has not been claimed by an
   * earlier line, or -1; looked for first at resident {@code guess} (-1: none; the one after the
   * last found, for the next line): a file in the order its residents were stored, as a re-import's
   * often is, is then read without a look into the table, whose places in memory are spread over
   * tens of megabytes (most of a line's time went to waiting for them).
   */
  int unclaimed(long fingerprint, int guess) {
    if (fingerprint == 0) {
      return -1;
    }
    if (guess >= 0 && guess < size && fingerprints[guess] == fingerprint && claimedBy[guess] == 0) {
      return guess;
    }
    int mask = fingerprintSlots.length / 2 - 1;
    for (int i = slot(fingerprint, mask); fingerprintSlots[2 * i] != 0; i = (i + 1) & mask) {
      if (fingerprintSlots[2 * i] == fingerprint) {
        int k = (int) fingerprintSlots[2 * i + 1];
        if (claimedBy[k] == 0) {
          return k;
        }
      }
    }
    return -1;
  }

  /** Whether resident {@code k}'s id is this one (both its hashes alike). */
  boolean hasId(int k, String externalId) {
    return idHashes[k] == IdHashes.hash(externalId) && idChecks[k] == IdHashes.check(externalId);
  }

  /** The hash of resident {@code k}'s id ({@link IdHashes#hash}). */
  long idHash(int k) {
    return idHashes[k];
  }

  /**
   * Line {@code line} of the file leaves resident {@code k} unchanged; false (and nothing claimed)
   * when an earlier line claimed them.
   */
  boolean claim(int k, long line) {
    if (line <= 0) {
      throw new IllegalArgumentException("line " + line);
    }
    if (claimedBy[k] != 0) {
      return false;
    }
    claimedBy[k] = line;
    return true;
  }

  /** The resident of this id (both its hashes alike), or -1 when it is not known. */
  int resident(String externalId) {
    long hash = IdHashes.hash(externalId);
    long check = IdHashes.check(externalId);
    int mask = byIdHash.length - 1;
    for (int i = slot(hash, mask); byIdHash[i] != 0; i = (i + 1) & mask) {
      int k = byIdHash[i] - 1;
      if (idHashes[k] == hash && idChecks[k] == check) {
        return k;
      }
    }
    return -1;
  }

  /** The line that claimed resident {@code k} as unchanged, or 0 when no line did. */
  long claimedBy(int k) {
    return claimedBy[k];
  }

  /**
   * A line of resident {@code k}'s id is stored to be applied: the resident is in the file, so not
   * among the unseen (a re-import's changed residents are many of those no line left unchanged, and
   * the database would otherwise look for a line of each to find the missing).
   */
  void stored(int k) {
    stored[k] = true;
  }

  /** How many lines claimed a resident. */
  long claimed() {
    long n = 0;
    for (int k = 0; k < size; k++) {
      if (claimedBy[k] != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * The ids of the active imported residents no line claimed and of whose id no line was stored
   * here, in no particular order. (Lines a run before this one stored, or refused, are not known
   * here: the database looks for the lines of the unseen to find the missing.)
   */
  long[] unseen() {
    long[] ids = new long[size];
    int n = 0;
    for (int k = 0; k < size; k++) {
      if (movable[k] && claimedBy[k] == 0 && !stored[k]) {
        ids[n++] = recipientIds[k];
      }
    }
    return Arrays.copyOf(ids, n);
  }

  private static void put(int[] table, long hash, int k) {
    int mask = table.length - 1;
    int i = slot(hash, mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = k + 1;
  }

  /**
   * By the run's secret ({@link IdHashes#slot}): fingerprints and ids come from files, and a file
   * made to crowd them into one part of a table would make every look-up search it.
   */
  private static int slot(long hash, int mask) {
    return IdHashes.slot(hash, mask);
  }
}
