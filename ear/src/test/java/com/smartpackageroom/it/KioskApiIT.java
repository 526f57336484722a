package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kiosk API of KIOSK-API.md against the real EAR on Payara and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KioskApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  @Test
  void signsInByPinQrCodeAndKeyCard() {
    Api api = api();
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String pin = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    String qr = api.newKey(site.id(), "couriers", courier, "QR").getString("qr");

    JsonObject session = api.signIn(site.kioskToken(), "pin", pin).expect(201).json();
    assertEquals("COURIER", session.getJsonObject("holder").getString("kind"));
    assertEquals("UPS courier", session.getJsonObject("holder").getString("displayName"));
    assertNotNull(session.getString("sessionToken"));
    assertTrue(Instant.parse(session.getString("expiresAt")).isAfter(Instant.now()));

    api.signIn(site.kioskToken(), "qr", qr).expect(201);

    api.post("/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "04A2B3C4D5"))
        .expect(201);
    assertEquals(
        "COURIER",
        api.signIn(site.kioskToken(), "card", "04a2b3c4d5")
            .expect(201)
            .json()
            .getJsonObject("holder")
            .getString("kind"));
    int uses = events(api, site, "KEY_USED").size();
    api.post("/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "04A2B3C4D5"))
        .problem(409, "card-in-use");
    assertEquals(uses, events(api, site, "KEY_USED").size(), "a refused assignment is no sign-in");

    long recipient = api.newRecipient(site.id(), Api.unique("r") + "@example.org", null);
    String recipientPin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
    assertEquals(
        "RECIPIENT",
        api.signIn(site.kioskToken(), "pin", recipientPin)
            .expect(201)
            .json()
            .getJsonObject("holder")
            .getString("kind"));
    api.post(
            "/api/kiosk/v1/key-cards",
            site.kioskToken(),
            json("pin", recipientPin, "card", "FFEE0011"))
        .problem(403, "forbidden");
  }

  @Test
  void staffSignInByNameAndEverySignInIsAuditedWithItsKioskAndKey() {
    Api api = api();
    Api.Site site = api.newSite(false);
    long staff = api.newStaff(site.id(), "Dana", "Frontdesk", "STAFF");
    JsonObject key = api.newKey(site.id(), "staff", staff, "PIN");
    JsonObject holder =
        api.signIn(site.kioskToken(), "pin", key.getString("pin"))
            .expect(201)
            .json()
            .getJsonObject("holder");
    assertEquals("STAFF", holder.getString("kind"));
    assertEquals("Dana Frontdesk", holder.getString("displayName"));

    List<JsonObject> uses = events(api, site, "KEY_USED");
    assertEquals(1, uses.size(), uses.toString());
    JsonObject used = uses.get(0);
    assertEquals(key.getJsonNumber("id").longValue(), used.getJsonNumber("keyId").longValue());
    assertEquals("PIN", used.getString("keyType"));
    assertEquals("STAFF", used.getString("holderKind"));
    assertEquals(staff, used.getJsonNumber("holderId").longValue());
    assertEquals("sign-in by pin", used.getString("detail"));
    assertEquals("kiosk:" + used.getJsonNumber("kioskId").longValue(), used.getString("actor"));
  }

  @Test
  void concurrentSignInsAtTwoSitesAreEachAnsweredForTheirOwnHolderAndAuditedOnceAtTheirSite()
      throws Exception {
    Api api = api();
    int perSite = 12;
    List<Api.Site> sites = List.of(api.newSite(false), api.newSite(false));
    // what each sign-in must answer: the PIN of a recipient with a name of their own
    Map<String, String> nameOfPin = new HashMap<>();
    List<String[]> signIns = new ArrayList<>();
    for (Api.Site site : sites) {
      for (int n = 0; n < perSite; n++) {
        String last = Api.unique("Crowd");
        long recipient =
            api.post(
                    "/api/v1/sites/" + site.id() + "/recipients",
                    BOOTSTRAP,
                    json(
                        "firstName",
                        "Ann",
                        "lastName",
                        last,
                        "unit",
                        "1" + n,
                        "email",
                        last + "@example.org"))
                .expect(201)
                .json()
                .getJsonNumber("id")
                .longValue();
        String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
        nameOfPin.put(site.id() + ":" + pin, "Ann " + last);
        signIns.add(new String[] {String.valueOf(site.id()), site.kioskToken(), pin});
      }
    }
    ExecutorService kiosks = Executors.newFixedThreadPool(signIns.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> answers = new ArrayList<>();
    for (String[] signIn : signIns) {
      answers.add(
          kiosks.submit(
              () -> {
                start.await();
                return api.signIn(signIn[1], "pin", signIn[2])
                    .expect(201)
                    .json()
                    .getJsonObject("holder")
                    .getString("displayName");
              }));
    }
    start.countDown();
    for (int i = 0; i < signIns.size(); i++) {
      String[] signIn = signIns.get(i);
      assertEquals(
          nameOfPin.get(signIn[0] + ":" + signIn[2]), answers.get(i).get(60, TimeUnit.SECONDS));
    }
    kiosks.shutdown();
    for (Api.Site site : sites) {
      assertEquals(
          perSite,
          events(api, site, "KEY_USED").size(),
          "one KEY_USED event per sign-in at site " + site.id());
    }
  }

  @Test
  void aRequestWithoutAKioskTokenIsRefusedBeforeItsBodyIsRead() {
    Api api = api();
    Map<String, String> validBodies =
        Map.of(
            "/api/kiosk/v1/sessions", json("pin", "482913"),
            "/api/kiosk/v1/pin-requests", json("contact", "a@example.org"),
            "/api/kiosk/v1/key-cards", json("pin", "482913", "card", "01"));
    validBodies.forEach(
        (path, body) -> {
          api.post(path, null, "not json").problem(401, "invalid-kiosk-token");
          api.post(path, "not-a-kiosk-token", body).problem(401, "invalid-kiosk-token");
        });
    api.call("DELETE", "/api/kiosk/v1/sessions/current", null, null)
        .problem(401, "invalid-kiosk-token");
  }

  @Test
  void aSingleAccessPinThatExpiresUnusedEndsAndIsAudited() throws Exception {
    Api api = api();
    Api.Site site = api.newSite(false);
    JsonObject key = pinExpiringSoon(api, site, "late");
    String path = "/api/v1/access-keys/" + key.getJsonNumber("id");
    long deadline = System.currentTimeMillis() + 30_000;
    while (api.get(path, BOOTSTRAP).json().getString("status").equals("ACTIVE")) {
      assertTrue(System.currentTimeMillis() < deadline, "the expired PIN ends within seconds");
      Thread.sleep(250);
    }
    assertEquals("INACTIVE", api.get(path, BOOTSTRAP).json().getString("status"));
    // the PIN and the single-use QR code that came with it
    assertEquals(2, events(api, site, "KEY_EXPIRED").size());
    api.signIn(site.kioskToken(), "pin", key.getString("pin")).problem(401, "invalid-credential");
  }

  @Test
  void aSingleAccessPinDeactivatedBeforeItsExpiryGivesItsValueBackWhenItExpires() throws Exception {
    Api api = api();
    Api.Site site = api.newSite(false);
    JsonObject key = pinExpiringSoon(api, site, "off");
    api.post("/api/v1/access-keys/" + key.getJsonNumber("id") + "/deactivate", BOOTSTRAP, null)
        .expect(200);
    // the PIN, deactivated, and its single-use QR code both end at their expiry (their values go
    // to the reuse quarantine instead of being held for ever)
    long deadline = System.currentTimeMillis() + 30_000;
    while (events(api, site, "KEY_EXPIRED").size() < 2) {
      assertTrue(
          System.currentTimeMillis() < deadline,
          "the deactivated PIN ends at its expiry too: " + events(api, site, "KEY_EXPIRED"));
      Thread.sleep(250);
    }
    api.post("/api/v1/access-keys/" + key.getJsonNumber("id") + "/reactivate", BOOTSTRAP, null)
        .problem(409, "key-spent");
  }

  /** A single access PIN sent to a new recipient of the site, expiring in 3 seconds. */
  private static JsonObject pinExpiringSoon(Api api, Api.Site site, String name) {
    long recipient = api.newRecipient(site.id(), Api.unique(name) + "@example.org", null);
    return api.post(
            "/api/v1/sites/" + site.id() + "/recipients/" + recipient + "/single-access-pins",
            BOOTSTRAP,
            json("notifyVia", "EMAIL", "expiresAt", Instant.now().plusSeconds(3).toString()))
        .expect(201)
        .json();
  }

  @Test
  void aSingleAccessPinOpensOnce() {
    Api api = api();
    Api.Site site = api.newSite(false);
    long recipient =
        api.newRecipient(site.id(), Api.unique("once") + "@example.org", "(212) 555-0143");
    JsonObject key =
        api.post(
                "/api/v1/sites/" + site.id() + "/recipients/" + recipient + "/single-access-pins",
                BOOTSTRAP,
                json("notifyVia", "EMAIL"))
            .expect(201)
            .json();
    assertTrue(key.getBoolean("singleUse"));
    String pin = key.getString("pin");
    // a recipient cannot get a key card, and trying does not spend their one-time PIN
    api.post("/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "0A0B0C0D"))
        .problem(403, "forbidden");
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
  }

  @Test
  void inactiveAndDeletedKeysAreRefusedAndADeletedPinIsNeverIssuedAgain() {
    Api api = api();
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    JsonObject key = api.newKey(site.id(), "couriers", courier, "PIN");
    long keyId = key.getJsonNumber("id").longValue();
    String pin = key.getString("pin");

    api.post("/api/v1/access-keys/" + keyId + "/deactivate", BOOTSTRAP, null).expect(200);
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
    api.post("/api/v1/access-keys/" + keyId + "/reactivate", BOOTSTRAP, null).expect(200);
    api.signIn(site.kioskToken(), "pin", pin).expect(201);

    api.call("DELETE", "/api/v1/access-keys/" + keyId, BOOTSTRAP, null).expect(204);
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
    api.post("/api/v1/access-keys/" + keyId + "/reactivate", BOOTSTRAP, null)
        .problem(409, "key-deleted");

    long other = api.newCourier(site.id());
    api.post(
            "/api/v1/sites/" + site.id() + "/couriers/" + other + "/access-keys",
            BOOTSTRAP,
            json("type", "PIN", "pin", pin))
        .problem(409, "pin-unavailable");
  }

  @Test
  void aKioskNeverSeesAnotherSitesKeys() {
    Api api = api();
    Api.Site a = api.newSite(false);
    Api.Site b = api.newSite(false);
    long courier = api.newCourier(a.id());
    String pin = api.newKey(a.id(), "couriers", courier, "PIN").getString("pin");
    api.signIn(b.kioskToken(), "pin", pin).problem(401, "invalid-credential");
    api.signIn(a.kioskToken(), "pin", pin).expect(201);
  }

  @Test
  void malformedRequestsAreRefusedClearlyAndNeverWithA500() {
    Api api = api();
    Api.Site site = api.newSite(false);
    String kiosk = site.kioskToken();
    for (String body :
        new String[] {
          "",
          "not json",
          "[]",
          "{}",
          "{\"pin\":",
          "{\"pin\":\"12\"}",
          "{\"pin\":true}",
          "{\"pin\":\"123456\",\"qr\":\"abc\"}",
          "{\"pin\":null}",
          "{\"card\":\"\"}",
          "\"pin\"",
          "{\"pin\":\"" + "9".repeat(300) + "\"}"
        }) {
      api.call("POST", "/api/kiosk/v1/sessions", kiosk, body).problem(400, "invalid-request");
    }
    api.call("POST", "/api/kiosk/v1/sessions", null, "{\"pin\":\"123456\"}").expect(401);
    api.call("POST", "/api/kiosk/v1/sessions", "not-a-kiosk-token", "{\"pin\":\"123456\"}")
        .expect(401);
    api.call("POST", "/api/kiosk/v1/key-cards", kiosk, "{\"pin\":\"582039\"}")
        .problem(400, "invalid-request");
    // at a site that offers Request PIN (elsewhere the answer is 403 feature-disabled first)
    String offering = api.newSite(true).kioskToken();
    api.call("POST", "/api/kiosk/v1/pin-requests", offering, "{}").problem(400, "invalid-request");
    api.call("POST", "/api/kiosk/v1/pin-requests", offering, "{\"contact\":7}")
        .problem(400, "invalid-request");
    api.call("GET", "/api/kiosk/v1/sessions", kiosk, null).expect(405);
  }

  @Test
  void aSessionCanBeEndedEarly() {
    Api api = api();
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String pin = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    String session =
        api.signIn(site.kioskToken(), "pin", pin).expect(201).json().getString("sessionToken");
    api.call(
            "DELETE",
            "/api/kiosk/v1/sessions/current",
            site.kioskToken(),
            null,
            "X-Kiosk-Session",
            session)
        .expect(204);
    api.call("DELETE", "/api/kiosk/v1/sessions/current", site.kioskToken(), null)
        .problem(400, "invalid-request");
    api.call(
            "DELETE",
            "/api/kiosk/v1/sessions/current",
            site.kioskToken(),
            null,
            "X-Kiosk-Session",
            "forged.token")
        .problem(401, "invalid-session");
  }

  /** The server under test waits 2 s after the fifth failure, doubling up to 8 s. */
  @Test
  void aPinOrCardAskedForByRequestsAtTheSameMomentGoesToOneAndTheOthersAreToldItIsTaken()
      throws Exception {
    Api api = api();
    Api.Site site = api.newSite(false);
    int requests = 8;
    List<Long> couriers = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      couriers.add(api.newCourier(site.id()));
    }
    Map<String, Integer> pins =
        together(
            couriers,
            courier ->
                api.post(
                    "/api/v1/sites/" + site.id() + "/couriers/" + courier + "/access-keys",
                    BOOTSTRAP,
                    json("type", "PIN", "pin", "582941")));
    assertEquals(Map.of("201", 1, "409 pin-unavailable", requests - 1), pins);

    List<String> courierPins = new ArrayList<>();
    for (long courier : couriers) {
      courierPins.add(api.newKey(site.id(), "couriers", courier, "PIN").getString("pin"));
    }
    Map<String, Integer> cards =
        together(
            courierPins,
            pin ->
                api.post(
                    "/api/kiosk/v1/key-cards",
                    site.kioskToken(),
                    json("pin", pin, "card", "0A1B2C3D4E")));
    // a card already in use is a failed attempt at the kiosk (it would let a PIN probe card UIDs):
    // after the free failures the kiosk waits
    assertEquals(1, cards.get("201"), cards.toString());
    int told = cards.getOrDefault("409 card-in-use", 0);
    assertTrue(told >= 1 && told <= 5, cards.toString());
    assertEquals(
        requests - 1 - told, cards.getOrDefault("429 kiosk-throttled", 0), cards.toString());
    assertEquals(
        1, events(api, site, "KEY_CARD_ASSIGNED").size(), "one card assigned, and audited once");
  }

  /** Sends one request per item at the same moment; counts the answers by status and code. */
  private static <T> Map<String, Integer> together(
      List<T> items, java.util.function.Function<T, Api.Reply> request) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(items.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    for (T item : items) {
      replies.add(
          callers.submit(
              () -> {
                start.await();
                return request.apply(item);
              }));
    }
    start.countDown();
    Map<String, Integer> count = new HashMap<>();
    for (Future<Api.Reply> reply : replies) {
      Api.Reply r = reply.get(60, TimeUnit.SECONDS);
      count.merge(r.status() == 201 ? "201" : r.status() + " " + r.code(), 1, Integer::sum);
    }
    callers.shutdown();
    return count;
  }

  @Test
  void wrongPinsSentInParallelGetNoMoreTriesThanWrongPinsSentOneByOne() throws Exception {
    Api api = api();
    Api.Site site = api.newSite(false);
    int attempts = 20;
    ExecutorService kiosks = Executors.newFixedThreadPool(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      String pin = String.valueOf(300_000 + 7919 * i);
      statuses.add(
          kiosks.submit(
              () -> {
                start.await();
                return api.signIn(site.kioskToken(), "pin", pin).status();
              }));
    }
    start.countDown();
    Map<Integer, Integer> count = new HashMap<>();
    for (Future<Integer> status : statuses) {
      count.merge(status.get(60, TimeUnit.SECONDS), 1, Integer::sum);
    }
    kiosks.shutdown();
    assertEquals(5, count.getOrDefault(401, 0), "the free failures only: " + count);
    assertEquals(attempts - 5, count.getOrDefault(429, 0), "the rest wait: " + count);
  }

  @Test
  void wrongPinsAreThrottledPerKioskAndANewPinDoesNotResetTheCount() throws Exception {
    Api api = api();
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String good = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    String wrong = good.equals("582039") ? "730461" : "582039";

    for (int i = 1; i <= 5; i++) {
      api.signIn(site.kioskToken(), "pin", wrong).problem(401, "invalid-credential");
    }
    Api.Reply throttled =
        api.signIn(site.kioskToken(), "pin", good).problem(429, "kiosk-throttled");
    long retryAfter =
        Long.parseLong(throttled.raw().headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

    // a new PIN changes nothing for the kiosk
    String fresh = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    api.signIn(site.kioskToken(), "pin", fresh).problem(429, "kiosk-throttled");

    // another kiosk of the site is not affected
    Api.Reply registered =
        api.post("/api/v1/sites/" + site.id() + "/kiosks", BOOTSTRAP, json("name", "Back door"))
            .expect(201);
    String other = registered.json().getString("token");
    api.signIn(other, "pin", good).expect(201);
    // the Location of a registered kiosk is where it is read
    String location = registered.raw().headers().firstValue("Location").orElseThrow();
    assertEquals(
        "Back door",
        api.get(java.net.URI.create(location).getPath(), BOOTSTRAP)
            .expect(200)
            .json()
            .getString("name"));

    Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(300).toMillis());
    api.signIn(site.kioskToken(), "pin", wrong).problem(401, "invalid-credential");
    long doubled =
        Long.parseLong(
            api.signIn(site.kioskToken(), "pin", good)
                .problem(429, "kiosk-throttled")
                .raw()
                .headers()
                .firstValue("Retry-After")
                .orElseThrow());
    assertTrue(
        doubled > retryAfter && doubled <= 4, "Retry-After after the sixth failure " + doubled);

    Thread.sleep(Duration.ofSeconds(doubled).plusMillis(300).toMillis());
    api.signIn(site.kioskToken(), "pin", good).expect(201);
    // a success resets the count: the next failure is not throttled
    api.signIn(site.kioskToken(), "pin", wrong).problem(401, "invalid-credential");
    api.signIn(site.kioskToken(), "pin", good).expect(201);

    JsonObject audit =
        api.get("/api/v1/sites/" + site.id() + "/audit-events?size=100", BOOTSTRAP)
            .expect(200)
            .json();
    String events = audit.getJsonArray("items").toString();
    assertTrue(events.contains("SIGN_IN_FAILED"), events);
    assertTrue(events.contains("SIGN_IN_THROTTLED"), events);
    assertTrue(events.contains("KEY_USED"), events);
    for (var item : audit.getJsonArray("items").getValuesAs(JsonObject.class)) {
      String detail = item.getString("detail", "");
      assertTrue(
          !detail.contains(good) && !detail.contains(wrong), "no PIN in the audit log: " + detail);
    }
  }

  @Test
  void theTenthWrongPinInARowAlertsTheSitesPropertyManagers() throws Exception {
    Api api = api();
    Api.Site site = api.newSite(false);
    String manager = Api.unique("manager") + "@example.org";
    api.post(
            "/api/v1/sites/" + site.id() + "/staff",
            BOOTSTRAP,
            json(
                "email",
                manager,
                "firstName",
                "Mia",
                "lastName",
                "Chen",
                "role",
                "PROPERTY_MANAGER"))
        .expect(201);
    long courier = api.newCourier(site.id());
    String good = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    String wrong = good.equals("582039") ? "730461" : "582039";

    for (int failures = 0; failures < 10; ) {
      Api.Reply reply = api.signIn(site.kioskToken(), "pin", wrong);
      if (reply.status() == 429) {
        long wait = Long.parseLong(reply.raw().headers().firstValue("Retry-After").orElseThrow());
        Thread.sleep(Duration.ofSeconds(wait).plusMillis(300).toMillis());
        continue;
      }
      reply.problem(401, "invalid-credential");
      failures++;
      if (failures == 9) {
        assertEquals(0, alertsTo(api, site.id(), manager), "no alert before the tenth failure");
      }
    }
    assertEquals(1, alertsTo(api, site.id(), manager), "the property manager is alerted once");
    String events =
        api.get("/api/v1/sites/" + site.id() + "/audit-events?size=100", BOOTSTRAP)
            .expect(200)
            .json()
            .toString();
    assertTrue(events.contains("KIOSK_ALERT"), events);
  }

  private static int alertsTo(Api api, long site, String email) {
    // the invitation is the other message to the manager
    return api.get("/api/v1/sites/" + site + "/notifications?to=" + email, BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total")
        - 1;
  }

  /** The site's audit events of one type, newest first. */
  private static List<JsonObject> events(Api api, Api.Site site, String type) {
    return api
        .get("/api/v1/sites/" + site.id() + "/audit-events?size=500", BOOTSTRAP)
        .expect(200)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(e -> e.getString("type").equals(type))
        .toList();
  }
}
