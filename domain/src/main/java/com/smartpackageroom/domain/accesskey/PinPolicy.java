package com.smartpackageroom.domain.accesskey;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import java.security.SecureRandom;
import java.util.Set;

/**
 * What makes a PIN: exactly six digits, and never one a passer-by would try first (all one digit,
 * runs up or down, repeated pairs or triples, and a deny list of favourites).
 */
public final class PinPolicy {

  public static final int LENGTH = 6;

  private static final Set<String> DENY_LIST =
      Set.of(
          "112233", "123123", "123321", "121212", "102030", "147258", "159753", "111222", "696969",
          "131313", "007007", "246810", "135790", "122333", "101010", "100000", "200000", "998877",
          "147852", "258369", "963852", "741852", "852456", "142536", "520520", "314159", "271828",
          "199999", "000001", "999998", "112358", "654123");

  private PinPolicy() {}

  public static boolean isWellFormed(String pin) {
    if (pin == null || pin.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = pin.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether a well-formed PIN is too easy to guess to be issued. */
  public static boolean isWeak(String pin) {
    return allSame(pin)
        || isRun(pin, 1)
        || isRun(pin, -1)
        || repeatsEvery(pin, 2)
        || repeatsEvery(pin, 3)
        || isTwoBlocks(pin)
        || DENY_LIST.contains(pin);
  }

  /**
   * Checks a PIN somebody chose.
   *
   * @throws DomainException invalid-request when it is not six digits, weak-pin when it is weak
   */
  public static void checkCustom(String pin) {
    if (!isWellFormed(pin)) {
      throw DomainException.invalid("pin must be exactly 6 digits");
    }
    if (isWeak(pin)) {
      throw new DomainException(
          Reason.INVALID,
          "weak-pin",
          "This PIN is too easy to guess (repeated digits, a run such as 123456, or a common"
              + " choice). Choose another 6-digit PIN.");
    }
  }

  /** A random six-digit PIN that is not weak. */
  public static String generate(SecureRandom random) {
    while (true) {
      String candidate = String.format("%06d", random.nextInt(1_000_000));
      if (!isWeak(candidate)) {
        return candidate;
      }
    }
  }

  private static boolean allSame(String pin) {
    return pin.chars().distinct().count() == 1;
  }

  /** 123456, 456789, 890123 (wrapping) for step 1; 654321 for step -1. */
  private static boolean isRun(String pin, int step) {
    for (int i = 1; i < pin.length(); i++) {
      int expected = Math.floorMod(pin.charAt(i - 1) - '0' + step, 10);
      if (pin.charAt(i) - '0' != expected) {
        return false;
      }
    }
    return true;
  }

  /** 121212 (period 2), 123123 (period 3). */
  private static boolean repeatsEvery(String pin, int period) {
    for (int i = period; i < pin.length(); i++) {
      if (pin.charAt(i) != pin.charAt(i - period)) {
        return false;
      }
    }
    return true;
  }

  /** 111222, 777000. */
  private static boolean isTwoBlocks(String pin) {
    return allSame(pin.substring(0, 3)) && allSame(pin.substring(3));
  }
}
