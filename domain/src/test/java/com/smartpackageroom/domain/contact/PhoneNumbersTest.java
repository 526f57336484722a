package com.smartpackageroom.domain.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast path of {@link PhoneNumbers#parse} (plain North American numbers) restates what
 * libphonenumber's parse finds: the same table of cases goes through both, and so do random ones.
 */
class PhoneNumbersTest {

  private static final String[] REGIONS = {"US", "CA", "GB", "DE", "FR", "AU", "JM", "PR"};

  private static void sameAsLibphonenumber(String raw, String region) {
    assertEquals(
        PhoneNumbers.parsedByLibphonenumber(raw, region),
        PhoneNumbers.parse(raw, region),
        () -> "'" + raw + "' in " + region);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(917) 251-3622|US",
        "917-251-3622|US",
        "917.251.3622|US",
        "+1 917 251 3622|US",
        "9172513622|US",
        "1-917-251-3622|US",
        "  (212) 555-0143  |US",
        "+12125550143|GB",
        "+1 (416) 555-0199|DE",
        "416 555 0199|CA",
        "1 416 555 0199|CA",
        "876 555 0123|JM",
        "212 555 0143|GB",
        "020 7946 0958|GB",
        "+44 20 7946 0958|US",
        "+2125550143|US",
        "0123456789|US",
        "1123456789|US",
        "11234567890|US",
        "2125550143 x12|US",
        "1-800-FLOWERS|US",
        "(800) 555-0199|US",
        "+1 800 555 0199|US",
        "2125550143|",
        "12125550143|XX",
        "((212))) 555--0143|US",
        "212+5550143|US",
        "++12125550143|US",
        "555-0143|US",
        "212555014|US",
        "212555014312|US",
        "911|US",
        "+1|US",
        "--|US"
      })
  void theShapesPeopleTypeGiveWhatLibphonenumberGives(String raw, String region) {
    sameAsLibphonenumber(raw, region);
  }

  @Test
  void randomNumbersGiveWhatLibphonenumberGives() {
    Random random = new Random(20261201);
    String chars = "0123456789 -.()+x";
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      // mostly digits, now and then a separator, a plus or a letter
      StringBuilder raw = new StringBuilder();
      int length = 7 + random.nextInt(12);
      for (int c = 0; c < length; c++) {
        raw.append(
            random.nextInt(5) == 0
                ? chars.charAt(random.nextInt(chars.length()))
                : (char) ('0' + random.nextInt(10)));
      }
      cases.add(raw.toString());
      // and the plain shapes of a number that may or may not exist
      String area = String.valueOf(200 + random.nextInt(800));
      String exchange = String.valueOf(100 + random.nextInt(900));
      String line = String.format("%04d", random.nextInt(10_000));
      cases.add("(" + area + ") " + exchange + "-" + line);
      cases.add("1-" + area + "-" + exchange + "-" + line);
      cases.add("+1 " + area + " " + exchange + " " + line);
    }
    for (String raw : cases) {
      sameAsLibphonenumber(raw, REGIONS[Math.floorMod(raw.hashCode(), REGIONS.length)]);
      sameAsLibphonenumber(raw, "US");
    }
  }

  @Test
  void theFastPathTakesOnlyPlainNorthAmericanNumbers() {
    assertEquals("2125550143", PhoneNumbers.plainNanp("(212) 555-0143", "US"));
    assertEquals("2125550143", PhoneNumbers.plainNanp("+1 212 555 0143", "GB"));
    assertEquals("2125550143", PhoneNumbers.plainNanp("1.212.555.0143", "CA"));
    assertNull(PhoneNumbers.plainNanp("212 555 0143", "GB"), "national, but not of the plan");
    assertNull(PhoneNumbers.plainNanp("2125550143 ext 1", "US"));
    assertNull(PhoneNumbers.plainNanp("+44 20 7946 0958", "US"));
    assertNull(PhoneNumbers.plainNanp("2125550143", null));
    assertNotNull(PhoneNumbers.plainNanp("2125550143", "PR"));
  }
}
