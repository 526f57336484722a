package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdHashesTest {

  @Test
  void anIdHashesAlikeAsTextAndAsItsBytesAndItsTwoHashesDiffer() {
    byte[] bytes = "t0000001-é".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(IdHashes.hash("t0000001-é"), IdHashes.hash(bytes, 0, bytes.length));
    assertEquals(IdHashes.check("t0000001-é"), IdHashes.check(bytes, 0, bytes.length));
    assertNotEquals(
        IdHashes.hash(bytes, 0, bytes.length),
        IdHashes.check(bytes, 0, bytes.length),
        "two secrets, two hashes");
    assertNotEquals(IdHashes.check("t0000001"), IdHashes.check("t0000002"));
  }

  @Test
  void anIdSeenBeforeIsASuspectAndOthersAreNot() {
    IdHashes seen = new IdHashes();
    assertTrue(seen.add("t0000001"));
    assertTrue(seen.add("t0000002"));
    assertFalse(seen.add("t0000001"), "seen before");
    assertTrue(seen.add("T0000001"), "ids are compared as written");
    assertEquals(3, seen.size());
  }

  @Test
  void aMillionDistinctIdsAreAllNewAndAllSeenAfterwards() {
    IdHashes seen = new IdHashes();
    for (int i = 0; i < 1_000_000; i++) {
      assertTrue(seen.add("t" + i), "t" + i);
    }
    assertEquals(1_000_000, seen.size());
    for (int i = 0; i < 1_000_000; i += 997) {
      assertFalse(seen.add("t" + i));
    }
    assertEquals(1_000_000, seen.size());
  }

  @Test
  void theHashIsNeverTheEmptySlotAndSpreadsSimilarIds() {
    Set<Long> hashes = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      long h = IdHashes.hash(String.format("r%05d", i));
      assertNotEquals(0, h);
      hashes.add(h);
    }
    assertEquals(100_000, hashes.size());
    assertNotEquals(0, IdHashes.hash(""));
  }
}
