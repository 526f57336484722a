package com.smartpackageroom.domain.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a person's name is shown: at the kiosk, in the portal and in messages. */
public final class PersonName {

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private PersonName() {}

  public static String display(String firstName, String lastName) {
    return firstName + " " + lastName;
  }

  /**
   * The key lists are sorted by: last name, then first name, regardless of case and accents (de
   * Vries between Davis and Evans, Émile with the Es), whatever the database's collation.
   */
  public static String sortKey(String firstName, String lastName) {
    return fold(lastName) + " " + fold(firstName);
  }

  private static String fold(String name) {
    if (name == null) {
      return "";
    }
    String decomposed =
        Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    return COMBINING_MARKS.matcher(decomposed).replaceAll("");
  }
}
