package com.smartpackageroom.ejb.accesskey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.shared.DomainException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PinDrawTest {

  /** Six-digit candidates from a seeded source, so that a run is repeatable. */
  private static Supplier<String> pins(long seed) {
    Random random = new Random(seed);
    return () -> String.format("%06d", random.nextInt(1_000_000));
  }

  /** A site where the PINs that pass {@code free} are free; the hash is the PIN itself. */
  private static PinDraw.Lookup site(Predicate<String> free, Set<String> seen) {
    return hashes -> {
      seen.addAll(hashes);
      return hashes.stream().filter(free).collect(Collectors.toSet());
    };
  }

  /** 3 % of the space free: the site of a million residents. */
  private static boolean threePercent(String pin) {
    return Integer.parseInt(pin) % 100 < 3;
  }

  @Test
  void aDrawIsOfAtLeastOnePin() {
    assertThrows(IllegalArgumentException.class, () -> new PinDraw(0));
    assertThrows(IllegalArgumentException.class, () -> new PinDraw(-1));
  }

  @Test
  void fewPinsGetTheFloorOfAttemptsAndManyAHundredEach() {
    assertEquals(PinDraw.MIN_ATTEMPTS, new PinDraw(1).attempts());
    assertEquals(PinDraw.MIN_ATTEMPTS, new PinDraw(200).attempts());
    assertEquals(100_000, new PinDraw(1_000).attempts());
  }

  @Test
  void aSinglePinIsFoundWhereOnlyThreePercentOfTheSpaceIsFree() throws SQLException {
    // with 100 attempts, as a single PIN once had, one draw in twenty failed here
    for (int i = 0; i < 500; i++) {
      Map<String, String> drawn =
          new PinDraw(1)
              .draw(pins(i), pin -> pin, site(PinDrawTest::threePercent, new HashSet<>()));
      assertEquals(1, drawn.size());
      assertTrue(threePercent(drawn.values().iterator().next()));
    }
  }

  @Test
  void manyPinsAreDistinctAndEachFree() throws SQLException {
    Map<String, String> drawn =
        new PinDraw(5_000)
            .draw(pins(7), pin -> pin, site(pin -> pin.charAt(5) < '5', new HashSet<>()));
    assertEquals(5_000, drawn.size());
    assertEquals(5_000, new HashSet<>(drawn.values()).size());
    drawn.forEach(
        (hash, pin) -> {
          assertEquals(pin, hash);
          assertTrue(pin.charAt(5) < '5', pin);
        });
  }

  @Test
  void aFullSiteIsRefusedAfterExactlyTheAttemptsAllowed() {
    int[] candidates = {0};
    Supplier<String> counted = pins(3);
    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                new PinDraw(1)
                    .draw(
                        () -> {
                          candidates[0]++;
                          return counted.get();
                        },
                        pin -> pin,
                        site(pin -> false, new HashSet<>())));
    assertEquals("pin-space-exhausted", refused.code());
    assertEquals(PinDraw.MIN_ATTEMPTS, candidates[0]);
  }

  @Test
  void aLookUpIsNeverAskedForMoreThanABatch() throws SQLException {
    int[] largest = {0};
    new PinDraw(5_000)
        .draw(
            pins(11),
            pin -> pin,
            hashes -> {
              largest[0] = Math.max(largest[0], hashes.size());
              return hashes.stream().filter(PinDrawTest::threePercent).collect(Collectors.toSet());
            });
    assertTrue(largest[0] <= PinDraw.MAX_BATCH, "batch of " + largest[0]);
  }

  @Test
  void theFirstLookUpOfOnePinAsksForTwoCandidatesOnly() throws SQLException {
    Set<String> seen = new HashSet<>();
    new PinDraw(1).draw(pins(5), pin -> pin, site(pin -> true, seen));
    assertTrue(seen.size() <= 2, "asked for " + seen.size());
  }

  @Test
  void aFullSiteIsRefusedAfterAFewLookUpsNotHundreds() {
    int[] lookUps = {0};
    assertThrows(
        DomainException.class,
        () ->
            new PinDraw(1)
                .draw(
                    pins(13),
                    pin -> pin,
                    hashes -> {
                      lookUps[0]++;
                      return Set.of();
                    }));
    assertTrue(lookUps[0] <= 12, lookUps[0] + " look-ups");
  }
}
