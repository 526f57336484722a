package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.shared.DomainException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How free PINs are drawn, one or many: random candidates in batches, each batch checked with one
 * look-up, its size following the share of candidates found free so far (a crowded site gets larger
 * batches instead of more round trips). A draw gives up, as pin-space-exhausted, only after {@link
 * #attempts} candidates: at least {@link #MIN_ATTEMPTS} however few PINs are needed. The look-up
 * (what "free" means) is the caller's: {@link KeyValues#drawPins}.
 */
final class PinDraw {

  /** Attempts allowed per PIN needed. */
  static final int ATTEMPTS_PER_PIN = 100;

  /**
   * Attempts allowed however few PINs are needed: at a site whose six-digit space is 97 % taken (a
   * million residents), 100 attempts miss the free PINs one time in twenty, and a resident was
   * refused a PIN that was there. 20 000 miss only where fewer than one PIN in a thousand is free
   * (e^-20 at 0.1 %); they cost 20 000 keyed hashes and, batches doubling while they find nothing,
   * some ten look-ups.
   */
  static final int MIN_ATTEMPTS = 20_000;

  /** Candidates checked in one look-up at most. */
  static final int MAX_BATCH = 20_000;

  /** Of the given hashes, those whose value may be issued. */
  @FunctionalInterface
  interface Lookup {
    Set<String> free(Set<String> hashes) throws SQLException;
  }

  private final int count;
  private final long attempts;

  /**
   * @param count how many PINs are needed, at least one
   */
  PinDraw(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a draw is of at least one PIN: " + count);
    }
    this.count = count;
    this.attempts = Math.max((long) count * ATTEMPTS_PER_PIN, MIN_ATTEMPTS);
  }

  long attempts() {
    return attempts;
  }

  /**
   * {@code count} free PINs, by their hash, in the order drawn: distinct, each found free by the
   * look-up.
   *
   * @param pins a new random candidate PIN at each call
   * @param hash a PIN's lookup hash
   * @throws DomainException pin-space-exhausted when the attempts ran out first
   */
  Map<String, String> draw(Supplier<String> pins, UnaryOperator<String> hash, Lookup lookup)
      throws SQLException {
    LinkedHashMap<String, String> chosen = new LinkedHashMap<>();
    long left = attempts;
    double freeShare = 1.0;
    int lastBatch = 0;
    while (chosen.size() < count) {
      int need = count - chosen.size();
      if (left <= 0) {
        throw DomainException.conflict(
            "pin-space-exhausted",
            "No free PIN could be found at this site; delete unused keys or use QR codes");
      }
      // enough candidates that, at the share found free so far, the batch should do, and a fifth
      // more; after a batch that found nothing free, twice that batch at least
      long wanted = (long) Math.ceil(need / Math.max(freeShare, 0.01) * 1.2);
      if (freeShare == 0) {
        wanted = Math.max(wanted, 2L * lastBatch);
      }
      int batch = (int) Math.min(Math.min(left, MAX_BATCH), Math.max(need, wanted));
      lastBatch = batch;
      left -= batch;
      LinkedHashMap<String, String> candidates = new LinkedHashMap<>();
      for (int i = 0; i < batch; i++) {
        String pin = pins.get();
        String h = hash.apply(pin);
        if (!chosen.containsKey(h)) {
          candidates.putIfAbsent(h, pin);
        }
      }
      Set<String> free = candidates.isEmpty() ? Set.of() : lookup.free(candidates.keySet());
      int found = 0;
      for (Map.Entry<String, String> e : candidates.entrySet()) {
        if (free.contains(e.getKey())) {
          found++;
          if (chosen.size() < count) {
            chosen.put(e.getKey(), e.getValue());
          }
        }
      }
      freeShare = (double) found / batch;
    }
    return chosen;
  }
}
