package com.smartpackageroom.domain.account;

import com.smartpackageroom.domain.shared.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a portal password must be (NIST SP 800-63B, 3.1.1.2): long enough, not too long to hash, and
 * not one that attackers try first: a common password, one character repeated, a short pattern
 * repeated, a run of digits, the email address. No rules about character classes: they make
 * passwords harder to remember, not harder to guess.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON = load("common-passwords.txt");

  private PasswordPolicy() {}

  /**
   * @throws DomainException invalid-request (code {@code weak-password}) saying what is wrong
   */
  public static void check(String password, String email) {
    String why = problem(password, email);
    if (why != null) {
      throw new DomainException(
          com.smartpackageroom.domain.shared.Reason.INVALID, "weak-password", why);
    }
  }

  /** What is wrong with the password, or null when it may be used. */
  public static String problem(String password, String email) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "The password must have at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "The password must have at most " + MAX_LENGTH + " characters";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || isRepetition(lower) || isRun(lower)) {
      return "This password is too common: choose one that is harder to guess";
    }
    if (email != null && !email.isBlank()) {
      String address = email.toLowerCase(Locale.ROOT);
      String localPart = address.contains("@") ? address.substring(0, address.indexOf('@')) : "";
      if (lower.equals(address) || (localPart.length() >= 4 && lower.equals(localPart))) {
        return "The password must not be your email address";
      }
    }
    return null;
  }

  /** One short piece (up to 4 characters) repeated: "aaaaaaaaaaaa", "abcabcabcabc". */
  private static boolean isRepetition(String text) {
    for (int piece = 1; piece <= 4; piece++) {
      if (text.length() % piece != 0) {
        continue;
      }
      String unit = text.substring(0, piece);
      if (unit.repeat(text.length() / piece).equals(text)) {
        return true;
      }
    }
    return false;
  }

  /** Consecutive characters going up or down: "123456789012", "abcdefghijkl". */
  private static boolean isRun(String text) {
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < text.length(); i++) {
      int step = text.charAt(i) - text.charAt(i - 1);
      boolean wrap = Character.isDigit(text.charAt(i)) && Character.isDigit(text.charAt(i - 1));
      up &= step == 1 || (wrap && step == -9);
      down &= step == -1 || (wrap && step == 9);
    }
    return up || down;
  }

  private static Set<String> load(String name) {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The list of common passwords is missing: " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
