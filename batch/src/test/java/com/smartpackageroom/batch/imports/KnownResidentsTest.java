package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KnownResidentsTest {

  @Test
  void aFingerprintFindsItsResidentOnceAndOnlyWhileUnclaimed() {
    KnownResidents known = new KnownResidents();
    known.add(10, "r1", 111, true);
    known.add(11, "r2", 222, false);
    known.seal();
    int k = known.unclaimed(111, -1);
    assertEquals(0, k);
    assertEquals(-1, known.unclaimed(333, -1), "no resident of that fingerprint");
    assertEquals(-1, known.unclaimed(0, -1), "0 is no fingerprint");
    assertTrue(known.claim(k, 5));
    assertFalse(known.claim(k, 9), "the same line twice: the second is read in full");
    assertEquals(-1, known.unclaimed(111, -1));
    assertEquals(0, known.resident("r1"));
    assertEquals(5, known.claimedBy(0));
    assertEquals(1, known.resident("r2"));
    assertEquals(0, known.claimedBy(1), "not claimed");
    assertEquals(-1, known.resident("r3"), "not known");
    assertThrows(IllegalArgumentException.class, () -> known.claim(1, 0));
  }

  @Test
  void aGuessIsTakenOnlyWhenItIsTheUnclaimedResidentOfThatFingerprint() {
    KnownResidents known = new KnownResidents();
    known.add(10, "r1", 111, true);
    known.add(11, "r2", 222, true);
    known.add(12, "r3", 333, true);
    known.seal();
    assertEquals(1, known.unclaimed(222, 1), "the guess was right");
    assertEquals(1, known.unclaimed(222, 2), "a wrong guess: found in the table");
    assertEquals(1, known.unclaimed(222, 3), "a guess past the last resident");
    assertEquals(1, known.unclaimed(222, -1), "no guess");
    assertEquals(-1, known.unclaimed(444, 1), "no resident of that fingerprint");
    assertEquals(-1, known.unclaimed(0, 0), "0 is no fingerprint, whatever the guess");
    assertTrue(known.claim(1, 7));
    assertEquals(-1, known.unclaimed(222, 1), "the guess is claimed already");
    assertEquals(2, known.unclaimed(333, 2));
  }

  @Test
  void theUnseenAreTheActiveImportedThatNoLineClaimed() {
    KnownResidents known = new KnownResidents();
    known.add(10, "r1", 111, true); // claimed below
    known.add(11, "r2", 0, true); // changed since its line: never claimed
    known.add(12, "r3", 333, false); // moved out, or added by hand: never moved out again
    known.add(13, "r4", 444, true); // absent from the file
    known.seal();
    assertEquals(-1, known.unclaimed(0, -1));
    known.claim(known.unclaimed(111, -1), 2);
    known.claim(known.unclaimed(333, -1), 3);
    long[] unseen = known.unseen();
    Arrays.sort(unseen);
    assertArrayEquals(new long[] {11, 13}, unseen);
    assertEquals(2, known.claimed());
  }

  @Test
  void aResidentOfWhoseIdALineWasStoredIsNotUnseen() {
    KnownResidents known = new KnownResidents();
    known.add(10, "r1", 111, true); // its line changed: stored, to be applied
    known.add(11, "r2", 222, true); // absent from the file
    known.add(12, "r3", 333, false); // not imported: never unseen
    known.seal();
    known.stored(known.resident("r1"));
    known.stored(known.resident("r3"));
    assertArrayEquals(new long[] {11}, known.unseen());
    assertEquals(0, known.claimed(), "stored is not claimed as unchanged");
    assertEquals(0, known.unclaimed(111, -1), "nor taken from the lines that may be unchanged");
  }

  @Test
  void manyResidentsAreFoundEachByItsFingerprint() {
    KnownResidents known = new KnownResidents();
    int n = 100_000;
    for (int i = 1; i <= n; i++) {
      known.add(i, "id-" + i, i * 0x9E3779B97F4A7C15L, i % 2 == 0);
    }
    known.seal();
    assertEquals(n, known.size());
    for (int i = 1; i <= n; i++) {
      int k = known.unclaimed(i * 0x9E3779B97F4A7C15L, -1);
      assertEquals(i - 1, k);
      assertEquals(IdHashes.hash("id-" + i), known.idHash(k));
      assertTrue(known.claim(k, i + 1L));
    }
    assertEquals(0, known.unseen().length);
    assertEquals(n / 2 + 1, known.claimedBy(known.resident("id-" + (n / 2))));
    assertEquals(-1, known.resident("id-" + (n + 1)));
  }

  @Test
  void anIdIsKnownByItsHashesWhetherReadAsTextOrAsBytes() {
    KnownResidents known = new KnownResidents();
    known.add(10, "r1", 111, true);
    byte[] utf8 = "Ünit-7".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    known.add(11, utf8, 0, utf8.length, 222, true);
    known.seal();
    assertTrue(known.hasId(0, "r1"));
    assertFalse(known.hasId(0, "r2"));
    assertFalse(known.hasId(0, "R1"), "ids are told apart exactly as written");
    assertTrue(known.hasId(1, "Ünit-7"));
    assertFalse(known.hasId(1, "Unit-7"));
    known.claim(1, 4);
    assertEquals(1, known.resident("Ünit-7"));
    assertEquals(4, known.claimedBy(known.resident("Ünit-7")));
    assertEquals(-1, known.resident("Unit-7"));
  }

  @Test
  void noResidentIsAddedOnceSealed() {
    KnownResidents known = new KnownResidents().seal();
    assertThrows(IllegalStateException.class, () -> known.add(1, "r1", 1, true));
    assertEquals(0, known.unseen().length);
  }
}
