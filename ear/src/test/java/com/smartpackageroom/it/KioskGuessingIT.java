package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

/**
 * The kiosk's promise against guessing ("months, not hours"), tried as an attacker would: with a
 * valid key of their own between wrong guesses, with unknown contacts, in parallel bursts, with
 * huge bodies, with a stolen token or an old session. The server under test waits 2 s after the
 * fifth failure in a row (doubling to 8 s), keeps the default budget of 50 failures a day per
 * kiosk, and ends kiosk sessions after 4 s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KioskGuessingIT {

  private static final int DAILY_BUDGET = 50;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void fourWrongPinsAndAnOwnKeyRepeatedAreStoppedAtTheDailyBudget() {
    Api api = new Api(base);
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
    String own = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");

    int wrongAnswered = 0;
    int guess = 100_000;
    Api.Reply refused = null;
    for (int round = 0; round < 40 && refused == null; round++) {
      for (int i = 0; i < 4 && refused == null; i++) {
        String wrong = String.valueOf(guess++);
        if (wrong.equals(own)) {
          wrong = String.valueOf(guess++);
        }
        Api.Reply reply = api.signIn(site.kioskToken(), "pin", wrong);
        if (reply.status() == 429) {
          refused = reply;
        } else {
          reply.problem(401, "invalid-credential");
          wrongAnswered++;
        }
      }
      if (refused == null) {
        Api.Reply mine = api.signIn(site.kioskToken(), "pin", own);
        if (mine.status() == 429) {
          refused = mine;
        } else {
          mine.expect(201);
        }
      }
    }
    assertTrue(refused != null, "the guesser is stopped");
    refused.problem(429, "kiosk-throttled");
    assertEquals(DAILY_BUDGET, wrongAnswered, "wrong guesses answered before the kiosk stopped");
    long retryAfter = retryAfter(refused);
    assertTrue(retryAfter > Duration.ofHours(23).toSeconds(), "Retry-After " + retryAfter);

    // right and wrong alike are refused now, whatever the successes before
    api.signIn(site.kioskToken(), "pin", own).problem(429, "kiosk-throttled");

    JsonObject kiosk = onlyKiosk(api, site);
    assertEquals(DAILY_BUDGET, kiosk.getInt("failuresInWindow"));
    assertTrue(
        Instant.parse(kiosk.getString("blockedUntil")).isAfter(Instant.now().plusSeconds(82_800)),
        kiosk.toString());
    assertTrue(kiosk.containsKey("lastSignInAt"), kiosk.toString());
    assertEquals(
        1,
        notificationsTo(api, site.id(), manager, "stopped after too many wrong attempts"),
        "the property manager is told once that the budget is spent");

    // a property manager clears the kiosk: it answers at once, and the clearing is audited
    long managerId = staffId(api, site.id(), manager);
    JsonObject cleared =
        api.post(
                "/api/v1/kiosks/" + kiosk.getJsonNumber("id").longValue() + "/clear-throttle",
                api.tokenOf(managerId),
                null)
            .expect(200)
            .json();
    assertEquals(0, cleared.getInt("failuresInWindow"));
    assertEquals(0, cleared.getInt("consecutiveFailures"));
    assertFalse(cleared.containsKey("blockedUntil"), cleared.toString());
    api.signIn(site.kioskToken(), "pin", own).expect(201);
    assertTrue(auditTypes(api, site.id()).contains("KIOSK_THROTTLE_CLEARED"));
  }

  @Test
  void unknownContactsAtRequestPinCountAsFailuresUntilTheKioskIsThrottled() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    String known = Api.unique("known") + "@example.org";
    api.newRecipient(site.id(), known, null);
    for (int i = 0; i < 5; i++) {
      api.post(
              "/api/kiosk/v1/pin-requests",
              site.kioskToken(),
              json("contact", Api.unique("nobody") + "@example.org"))
          .problem(404, "contact-not-found");
    }
    // throttled now: known and unknown contacts get the same answer, before any look-up
    Api.Reply unknown =
        api.post(
            "/api/kiosk/v1/pin-requests",
            site.kioskToken(),
            json("contact", Api.unique("nobody") + "@example.org"));
    Api.Reply knownReply =
        api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", known));
    // the kiosk waits: Request PIN's 429 as KIOSK-API.md names it, alike for every contact
    unknown.problem(429, "too-many-requests");
    knownReply.problem(429, "too-many-requests");
    assertEquals(unknown.json().getString("detail"), knownReply.json().getString("detail"));
    JsonObject kiosk = onlyKiosk(api, site);
    assertEquals(5, kiosk.getInt("consecutiveFailures"));
    assertEquals(5, kiosk.getInt("failuresInWindow"));
    // a PIN sign-in at the same kiosk waits too: one throttle for every kind of attempt
    api.signIn(site.kioskToken(), "pin", "482913").problem(429, "kiosk-throttled");
  }

  @Test
  void thirtyParallelPinRequestsForOneContactGetAtMostThreeAndLeaveOneLivePin() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    String contact = Api.unique("resident") + "@example.org";
    long recipient = api.newRecipient(site.id(), contact, null);
    Map<String, Integer> answers =
        burst(
            30,
            i ->
                () ->
                    api.post(
                        "/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", contact)));
    assertEquals(3, answers.getOrDefault("202", 0), "accepted: " + answers);
    assertEquals(27, answers.getOrDefault("429 too-many-requests", 0), "refused: " + answers);
    int requestedMessages =
        api.get("/api/v1/sites/" + site.id() + "/notifications?size=500&to=" + contact, BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total");
    assertTrue(requestedMessages <= 4, "one welcome and three PINs at most: " + requestedMessages);

    List<JsonObject> live =
        api
            .get(
                "/api/v1/sites/" + site.id() + "/recipients/" + recipient + "/access-keys",
                BOOTSTRAP)
            .expect(200)
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(k -> k.getBoolean("singleUse") && k.getString("status").equals("ACTIVE"))
            .toList();
    assertEquals(1, live.size(), "one live requested PIN: " + live);
    // a replaced requested PIN gave its value back: it cannot be brought back to life
    JsonObject replaced =
        api
            .get(
                "/api/v1/sites/" + site.id() + "/recipients/" + recipient + "/access-keys",
                BOOTSTRAP)
            .expect(200)
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(k -> k.getBoolean("singleUse") && k.getString("status").equals("INACTIVE"))
            .findFirst()
            .orElseThrow();
    api.post(
            "/api/v1/access-keys/" + replaced.getJsonNumber("id").longValue() + "/reactivate",
            BOOTSTRAP,
            null)
        .problem(409, "key-spent");
  }

  @Test
  void fortyParallelWrongPinsGetAtMostTheFreeFailuresAndTheValidPinThenWaitsToo() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String valid = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    Map<String, Integer> answers =
        burst(40, i -> () -> api.signIn(site.kioskToken(), "pin", wrongPin(i, valid)));
    assertEquals(5, answers.getOrDefault("401 invalid-credential", 0), "answered: " + answers);
    assertEquals(35, answers.getOrDefault("429 kiosk-throttled", 0), "refused: " + answers);
    api.signIn(site.kioskToken(), "pin", valid).problem(429, "kiosk-throttled");
  }

  @Test
  void aKeyCardProbeWithAValidPinCountsAsAFailure() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String pin = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    api.post("/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "0A0B0C0D"))
        .expect(201);
    for (int i = 0; i < 5; i++) {
      api.post("/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "0A0B0C0D"))
          .problem(409, "card-in-use");
    }
    api.post("/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "0A0B0C0D"))
        .problem(429, "kiosk-throttled");
    assertEquals(5, onlyKiosk(api, site).getInt("consecutiveFailures"));
  }

  @Test
  void refusedCustomPinsAreLimitedPerAccountEvenInParallel() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String taken = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    long staff = api.newStaff(site.id(), "Sam", "Desk", "PROPERTY_MANAGER");
    long ownKey = api.newKey(site.id(), "staff", staff, "PIN").getJsonNumber("id").longValue();
    String token = api.tokenOf(staff);
    Map<String, Integer> answers =
        burst(
            30,
            i ->
                () ->
                    api.call(
                        "PUT",
                        "/api/v1/access-keys/" + ownKey + "/pin",
                        token,
                        json("pin", taken)));
    assertEquals(10, answers.getOrDefault("409 pin-unavailable", 0), "refusals told: " + answers);
    assertEquals(20, answers.getOrDefault("429 too-many-requests", 0), "then refused: " + answers);
    long audited = auditTypes(api, site.id()).stream().filter("CUSTOM_PIN_REFUSED"::equals).count();
    assertEquals(10, audited);
    // another account is not affected
    long other = api.newStaff(site.id(), "Lee", "Desk", "PROPERTY_MANAGER");
    long otherKey = api.newKey(site.id(), "staff", other, "PIN").getJsonNumber("id").longValue();
    api.call(
            "PUT",
            "/api/v1/access-keys/" + otherKey + "/pin",
            api.tokenOf(other),
            json("pin", taken))
        .problem(409, "pin-unavailable");
  }

  @Test
  void anAccountMayChangeAPinTwentyTimesADayNotToFillTheQuarantine() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long staff = api.newStaff(site.id(), "Kim", "Desk", "PROPERTY_MANAGER");
    long ownKey = api.newKey(site.id(), "staff", staff, "PIN").getJsonNumber("id").longValue();
    String token = api.tokenOf(staff);
    for (int i = 0; i < 20; i++) {
      api.call(
              "PUT",
              "/api/v1/access-keys/" + ownKey + "/pin",
              token,
              json("pin", String.valueOf(310_003 + 4_127 * i)))
          .expect(200);
    }
    Api.Reply refused =
        api.call("PUT", "/api/v1/access-keys/" + ownKey + "/pin", token, json("pin", "495817"));
    refused.problem(429, "too-many-requests");
    assertTrue(retryAfter(refused) > Duration.ofHours(23).toSeconds());
  }

  @Test
  void aRotatedTokenIsRefusedAtOnceAndARetiredKioskAnswersNoMore() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    long courier = api.newCourier(site.id());
    String pin = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    long kioskId = onlyKiosk(api, site).getJsonNumber("id").longValue();

    // another site's property manager may not touch it
    Api.Site other = api.newSite(false);
    long stranger = api.newStaff(other.id(), "Max", "Other", "PROPERTY_MANAGER");
    api.post("/api/v1/kiosks/" + kioskId + "/rotate-token", api.tokenOf(stranger), null)
        .problem(403, "forbidden");

    JsonObject rotated =
        api.post("/api/v1/kiosks/" + kioskId + "/rotate-token", BOOTSTRAP, null).expect(200).json();
    assertEquals(kioskId, rotated.getJsonNumber("id").longValue());
    String newToken = rotated.getString("token");
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-kiosk-token");
    api.post(
            "/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", "someone@example.org"))
        .problem(401, "invalid-kiosk-token");
    api.signIn(newToken, "pin", pin).expect(201);
    assertFalse(onlyKiosk(api, site).containsKey("token"), "a token is shown once");

    api.call("DELETE", "/api/v1/kiosks/" + kioskId, BOOTSTRAP, null).expect(204);
    api.signIn(newToken, "pin", pin).problem(401, "invalid-kiosk-token");
    api.call("DELETE", "/api/v1/kiosks/" + kioskId, BOOTSTRAP, null).problem(404, "not-found");
    assertEquals(
        0, api.get("/api/v1/sites/" + site.id() + "/kiosks", BOOTSTRAP).expect(200).array().size());
    List<String> audit = auditTypes(api, site.id());
    assertTrue(audit.contains("KIOSK_TOKEN_ROTATED"), audit.toString());
    assertTrue(audit.contains("KIOSK_RETIRED"), audit.toString());
    assertTrue(audit.contains("KEY_USED"), "the retired kiosk's history stays");
  }

  @Test
  void aSessionIsRefusedOnceEndedOrExpired() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String pin = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    String ended =
        api.signIn(site.kioskToken(), "pin", pin).expect(201).json().getString("sessionToken");
    JsonObject current = session(api, site, ended).expect(200).json();
    assertEquals("COURIER", current.getJsonObject("holder").getString("kind"));
    api.call(
            "DELETE",
            "/api/kiosk/v1/sessions/current",
            site.kioskToken(),
            null,
            "X-Kiosk-Session",
            ended)
        .expect(204);
    session(api, site, ended).problem(401, "invalid-session");
    api.call(
            "DELETE",
            "/api/kiosk/v1/sessions/current",
            site.kioskToken(),
            null,
            "X-Kiosk-Session",
            ended)
        .problem(401, "invalid-session");

    String expiring =
        api.signIn(site.kioskToken(), "pin", pin).expect(201).json().getString("sessionToken");
    session(api, site, expiring).expect(200);
    Thread.sleep(4_500);
    session(api, site, expiring).problem(401, "invalid-session");

    // a session whose key was deactivated meanwhile does not stand
    JsonObject key = api.newKey(site.id(), "couriers", courier, "PIN");
    String withKey =
        api.signIn(site.kioskToken(), "pin", key.getString("pin"))
            .expect(201)
            .json()
            .getString("sessionToken");
    api.post(
            "/api/v1/access-keys/" + key.getJsonNumber("id").longValue() + "/deactivate",
            BOOTSTRAP,
            null)
        .expect(200);
    session(api, site, withKey).problem(401, "invalid-session");

    // a session of another kiosk is not this kiosk's
    Api.Site other = api.newSite(false);
    String fresh =
        api.signIn(site.kioskToken(), "pin", pin).expect(201).json().getString("sessionToken");
    session(api, other, fresh).problem(401, "invalid-session");
  }

  @Test
  void aHugeBodyIsRefusedBeforeItIsAllSent() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long sixtyFourMegabytes = 64L * 1024 * 1024;
    // no token at all: the ping endpoint
    assertTooLargeBeforeAllSent("/api/ping", null, sixtyFourMegabytes);
    // a kiosk route with a valid kiosk token
    assertTooLargeBeforeAllSent("/api/kiosk/v1/sessions", site.kioskToken(), sixtyFourMegabytes);
    // a body that does not say its length is cut at the limit
    String chunked = rawRequest("/api/kiosk/v1/sessions", site.kioskToken(), -1, 512 * 1024);
    assertTrue(chunked.startsWith("HTTP/1.1 413"), chunked);
    assertTrue(chunked.contains("file-too-large"), chunked);
    // a kiosk route refuses a token no kiosk holds before it reads the body (none is sent)
    String unknown = rawRequest("/api/kiosk/v1/sessions", "kiosk_nobody", 1_000, 0);
    assertTrue(unknown.startsWith("HTTP/1.1 401"), unknown);
  }

  @Test
  void aWrongPinAtKeyCardsCountsInTheKiosksDailyBudget() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String own = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    for (int i = 0; i < 3; i++) {
      api.post(
              "/api/kiosk/v1/key-cards",
              site.kioskToken(),
              json("pin", wrongPin(i, own), "card", "0B0C0D0" + i))
          .problem(401, "invalid-credential");
      JsonObject kiosk = onlyKiosk(api, site);
      assertEquals(i + 1, kiosk.getInt("failuresInWindow"), kiosk.toString());
      assertEquals(i + 1, kiosk.getInt("consecutiveFailures"), kiosk.toString());
    }
    // a success starts the failures in a row over, not the day's
    api.signIn(site.kioskToken(), "pin", own).expect(201);
    JsonObject kiosk = onlyKiosk(api, site);
    assertEquals(0, kiosk.getInt("consecutiveFailures"), kiosk.toString());
    assertEquals(3, kiosk.getInt("failuresInWindow"), kiosk.toString());
  }

  @Test
  void clearingAThrottleIsRefusedToStaffAndToAnotherSitesManager() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String own = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    long kioskId = onlyKiosk(api, site).getJsonNumber("id").longValue();
    addFailures(kioskId, DAILY_BUDGET - 1);
    api.signIn(site.kioskToken(), "pin", wrongPin(0, own)).problem(401, "invalid-credential");
    api.signIn(site.kioskToken(), "pin", own).problem(429, "kiosk-throttled");

    String staff = api.tokenOf(api.newStaff(site.id(), "Sam", "Desk", "STAFF"));
    Api.Site other = api.newSite(false);
    String stranger = api.tokenOf(api.newStaff(other.id(), "Max", "Other", "PROPERTY_MANAGER"));
    String clear = "/api/v1/kiosks/" + kioskId + "/clear-throttle";
    api.post(clear, staff, null).problem(403, "forbidden");
    api.post(clear, stranger, null).problem(403, "forbidden");

    // nothing was cleared: the kiosk still refuses its own key, and nobody audited a clearing
    api.signIn(site.kioskToken(), "pin", own).problem(429, "kiosk-throttled");
    JsonObject kiosk = onlyKiosk(api, site);
    assertEquals(DAILY_BUDGET, kiosk.getInt("failuresInWindow"), kiosk.toString());
    assertTrue(kiosk.containsKey("blockedUntil"), kiosk.toString());
    assertFalse(auditTypes(api, site.id()).contains("KIOSK_THROTTLE_CLEARED"));

    // the site's own property manager may
    String manager = api.tokenOf(api.newStaff(site.id(), "Pat", "Manager", "PROPERTY_MANAGER"));
    api.post(clear, manager, null).expect(200);
    api.signIn(site.kioskToken(), "pin", own).expect(201);
  }

  @Test
  void onceTheSmsBudgetIsSpentAnUnknownNumberGetsTheKnownNumbersAnswerWithoutALookUp() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    String known = uniquePhone();
    api.newRecipient(site.id(), null, known);
    // the server under test allows 3 kiosk-requested text messages per site and day
    spendPinRequestBudget(site.id(), "SMS", 3);

    Api.Reply knownReply =
        api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", known));
    knownReply.problem(429, "too-many-requests");
    for (int i = 0; i < 7; i++) {
      Api.Reply unknown =
          api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", uniquePhone()));
      assertSameRefusal(knownReply, unknown);
    }
    // nothing was looked up or counted: no failure at the kiosk (more unknown contacts than the
    // free failures, yet no wait), no request counted against a contact, no message
    JsonObject kiosk = onlyKiosk(api, site);
    assertEquals(0, kiosk.getInt("failuresInWindow"), kiosk.toString());
    assertEquals(0, kiosk.getInt("consecutiveFailures"), kiosk.toString());
    assertEquals(0, Api.queryLong("SELECT COUNT(*) FROM pin_request WHERE site_id = ?", site.id()));
    assertEquals(3, pinRequestMessages(site.id(), "SMS"));
  }

  @Test
  void theDailyEmailBudgetRefusesEveryContactOnceSpent() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    String first = Api.unique("first") + "@example.org";
    String second = Api.unique("second") + "@example.org";
    api.newRecipient(site.id(), first, null);
    api.newRecipient(site.id(), second, null);
    // spr.kiosk.pin-request-emails-per-day is 300 (the default) on the server under test
    spendPinRequestBudget(site.id(), "EMAIL", 299);
    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", first)).expect(202);
    assertEquals(300, pinRequestMessages(site.id(), "EMAIL"));

    Api.Reply known =
        api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", second));
    known.problem(429, "too-many-requests");
    assertTrue(known.json().getString("detail").contains("email"), known.body());
    assertTrue(retryAfter(known) > 0 && retryAfter(known) <= Duration.ofHours(25).toSeconds());
    assertSameRefusal(
        known, api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", first)));
    assertSameRefusal(
        known,
        api.post(
            "/api/kiosk/v1/pin-requests",
            site.kioskToken(),
            json("contact", Api.unique("nobody") + "@example.org")));
    assertEquals(300, pinRequestMessages(site.id(), "EMAIL"));
    assertEquals(0, onlyKiosk(api, site).getInt("failuresInWindow"));
  }

  @Test
  void thirtyParallelPinRequestsForDifferentContactsDoNotExceedTheDailyBudget() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    List<String> contacts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String contact = Api.unique("resident" + i) + "@example.org";
      api.newRecipient(site.id(), contact, null);
      contacts.add(contact);
    }
    spendPinRequestBudget(site.id(), "EMAIL", 297);
    Map<String, Integer> answers =
        burst(
            30,
            i ->
                () ->
                    api.post(
                        "/api/kiosk/v1/pin-requests",
                        site.kioskToken(),
                        json("contact", contacts.get(i))));
    assertEquals(3, answers.getOrDefault("202", 0), "accepted: " + answers);
    assertEquals(27, answers.getOrDefault("429 too-many-requests", 0), "refused: " + answers);
    assertEquals(300, pinRequestMessages(site.id(), "EMAIL"), "the budget holds");
  }

  @Test
  void aCsvUploadOverTheLimitIsRefusedBeforeItIsAllRead() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String imports = "/api/v1/sites/" + site.id() + "/imports?layout=yardi&mode=full";
    long twoMegabytes = 2L * 1024 * 1024; // spr.import.max-file-mb on the server under test
    // a declared length over the limit: answered before the body is read
    String declared = rawRequest(imports, BOOTSTRAP, "text/csv", 64L * 1024 * 1024, 1024 * 1024);
    assertTooLarge(declared);
    // a body that does not say its length (and never ends): cut at the limit
    String chunked =
        rawRequest(imports, BOOTSTRAP, "text/csv", -1, (int) twoMegabytes + 256 * 1024);
    assertTooLarge(chunked);
    assertEquals(
        0,
        api.get("/api/v1/sites/" + site.id() + "/imports", BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total"),
        "no import started");
  }

  /** The kiosk's failures counted, of whatever age. */
  private static long oldFailures(long kioskId) {
    return Api.queryLong(
        "SELECT COUNT(*) FROM counted_event WHERE subject = ? AND kind = 'KIOSK_FAILURE'",
        String.valueOf(kioskId));
  }

  @Test
  void endedSessionsAreRemovedOncePastTheirExpiry() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String pin = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    long kioskId = onlyKiosk(api, site).getJsonNumber("id").longValue();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String token =
          api.signIn(site.kioskToken(), "pin", pin).expect(201).json().getString("sessionToken");
      api.call(
              "DELETE",
              "/api/kiosk/v1/sessions/current",
              site.kioskToken(),
              null,
              "X-Kiosk-Session",
              token)
          .expect(204);
      ids.add(sessionId(token));
    }
    String old = ids.get(0);
    String recent = ids.get(1);
    assertEquals(2, endedSessions(ids));
    // the first expired two hours ago; an old failure of the kiosk is past any window
    assertEquals(
        1,
        Api.sql(
            "UPDATE kiosk_session_end SET expires_at = now() - INTERVAL '2 hours',"
                + " ended_at = now() - INTERVAL '2 hours' WHERE session_id = ?",
            old));
    Api.sql(
        "INSERT INTO counted_event (id, kind, subject, at)"
            + " VALUES (?, 'KIOSK_FAILURE', ?, now() - INTERVAL '3 days')",
        -kioskId * 1000 - 999,
        String.valueOf(kioskId));
    // the server under test runs its housekeeping every second
    Instant deadline = Instant.now().plusSeconds(20);
    while ((endedSessions(List.of(old)) > 0 || oldFailures(kioskId) > 0)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertEquals(0, endedSessions(List.of(old)), "an ended session past its expiry is removed");
    assertEquals(
        0,
        Api.queryLong(
            "SELECT COUNT(*) FROM counted_event WHERE subject = ? AND kind = 'KIOSK_FAILURE'",
            String.valueOf(kioskId)),
        "a failure older than any window is removed");
    assertEquals(1, endedSessions(List.of(recent)), "one not yet an hour past its expiry stays");
  }

  @Test
  void aBurstAtTheBudgetsEdgeGetsOneMoreAnswerAndNoSuccessAfterTheBlock() throws Exception {
    Api api = new Api(base);
    for (int round = 0; round < 3; round++) {
      Api.Site site = api.newSite(false);
      long courier = api.newCourier(site.id());
      String valid = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
      // signed in once: this instance remembers the key, so the valid PIN takes the fast path
      api.signIn(site.kioskToken(), "pin", valid).expect(201);
      long kioskId = onlyKiosk(api, site).getJsonNumber("id").longValue();
      addFailures(kioskId, DAILY_BUDGET - 1);
      JsonObject before = onlyKiosk(api, site);
      assertEquals(DAILY_BUDGET - 1, before.getInt("failuresInWindow"), before.toString());
      assertEquals(0, before.getInt("consecutiveFailures"), before.toString());

      Map<String, Integer> answers =
          burst(
              11,
              i -> () -> api.signIn(site.kioskToken(), "pin", i == 5 ? valid : wrongPin(i, valid)));
      int wrongAnswered = answers.getOrDefault("401 invalid-credential", 0);
      int succeeded = answers.getOrDefault("201", 0);
      assertEquals(1, wrongAnswered, "one more wrong PIN answered: " + answers);
      assertTrue(succeeded <= 1, answers.toString());
      assertEquals(
          11 - wrongAnswered - succeeded,
          answers.getOrDefault("429 kiosk-throttled", 0),
          "the rest refused: " + answers);
      JsonObject after = onlyKiosk(api, site);
      assertEquals(DAILY_BUDGET, after.getInt("failuresInWindow"), after.toString());
      api.signIn(site.kioskToken(), "pin", valid).problem(429, "kiosk-throttled");

      // a success, if any, was decided before the block: never after a refusal had seen it
      List<JsonObject> events =
          api.get("/api/v1/sites/" + site.id() + "/audit-events?size=500", BOOTSTRAP)
              .expect(200)
              .json()
              .getJsonArray("items")
              .getValuesAs(JsonObject.class);
      Instant firstRefusal =
          events.stream()
              .filter(e -> e.getString("type").equals("SIGN_IN_THROTTLED"))
              .map(e -> Instant.parse(e.getString("occurredAt")))
              .min(Instant::compareTo)
              .orElseThrow();
      // the burst's, not the sign-in before it (the earliest)
      List<Instant> successes =
          events.stream()
              .filter(e -> e.getString("type").equals("KEY_USED"))
              .map(e -> Instant.parse(e.getString("occurredAt")))
              .sorted()
              .skip(1)
              .toList();
      assertEquals(succeeded, successes.size(), "each 201 is audited: " + events);
      for (Instant success : successes) {
        assertFalse(
            success.isAfter(firstRefusal),
            "a success at " + success + " after the block was seen at " + firstRefusal);
      }
    }
  }

  @Test
  void aRecipientsValidPinAtKeyCardsIsRefusedAndCountsAsAFailure() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long recipient = api.newRecipient(site.id(), Api.unique("r") + "@example.org", null);
    String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
    for (int i = 1; i <= 5; i++) {
      api.post(
              "/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "0C0D0E0" + i))
          .problem(403, "forbidden");
      JsonObject kiosk = onlyKiosk(api, site);
      assertEquals(i, kiosk.getInt("failuresInWindow"), kiosk.toString());
      assertEquals(i, kiosk.getInt("consecutiveFailures"), kiosk.toString());
    }
    // as for any wrong guess: the kiosk waits after the free failures
    api.post("/api/kiosk/v1/key-cards", site.kioskToken(), json("pin", pin, "card", "0C0D0E09"))
        .problem(429, "kiosk-throttled");
    assertEquals(
        5,
        auditTypes(api, site.id()).stream().filter("KEY_REFUSED"::equals).count(),
        "each refusal audited");
    // the PIN was never used: once the wait is over it still opens the door
    Thread.sleep(2_500);
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
  }

  private static void assertSameRefusal(Api.Reply expected, Api.Reply actual) {
    actual.problem(expected.status(), expected.code());
    assertEquals(expected.json().getString("type"), actual.json().getString("type"));
    assertEquals(expected.json().getString("detail"), actual.json().getString("detail"));
    assertTrue(actual.raw().headers().firstValue("Retry-After").isPresent(), actual.body());
  }

  private static String uniquePhone() {
    // a valid North American number, different for each call
    return "+1917" + (2000000 + (int) (Math.random() * 7999999));
  }

  /** Failures of the kiosk within its window, as if wrong PINs had been tried an hour ago. */
  private static void addFailures(long kioskId, int n) {
    assertEquals(
        n,
        Api.sql(
            "INSERT INTO counted_event (id, kind, subject, at)"
                + " SELECT -(? * 1000 + g), 'KIOSK_FAILURE', ?, now() - INTERVAL '1 hour'"
                + " FROM generate_series(1, ?) g",
            kioskId,
            String.valueOf(kioskId),
            n));
  }

  /** Messages the site's kiosks sent today by Request PIN, as if so many requests had come. */
  private static void spendPinRequestBudget(long siteId, String channel, int n) {
    assertEquals(
        n,
        Api.sql(
            "INSERT INTO notification (id, site_id, kind, channel, address, body_enc, status,"
                + " attempts, created_at, next_attempt_at, sent_at)"
                + " SELECT -(? * 1000 + g), ?, 'PIN_REQUEST', ?, 'earlier@example.org', 'x',"
                + " 'SENT', 1, now(), now(), now() FROM generate_series(1, ?) g",
            siteId,
            siteId,
            channel,
            n));
  }

  private static long pinRequestMessages(long siteId, String channel) {
    return Api.queryLong(
        "SELECT COUNT(*) FROM notification WHERE site_id = ? AND kind = 'PIN_REQUEST'"
            + " AND channel = ?",
        siteId,
        channel);
  }

  private static long endedSessions(List<String> sessionIds) {
    return Api.queryLong(
        "SELECT COUNT(*) FROM kiosk_session_end WHERE session_id = ANY (?)",
        (Object) sessionIds.toArray(new String[0]));
  }

  /** The session id a kiosk session token carries (its first claim). */
  private static String sessionId(String sessionToken) {
    String claims = sessionToken.substring(0, sessionToken.indexOf('.'));
    return new String(java.util.Base64.getUrlDecoder().decode(claims), StandardCharsets.UTF_8)
        .split("\\.")[0];
  }

  private static void assertTooLarge(String answer) {
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("application/problem+json"), answer);
    assertTrue(answer.contains("\"code\":\"file-too-large\""), answer);
  }

  private static String wrongPin(int i, String valid) {
    String pin = String.valueOf(200_000 + 7_919 * i);
    return pin.equals(valid) ? String.valueOf(200_001 + 7_919 * i) : pin;
  }

  private void assertTooLargeBeforeAllSent(String path, String token, long length)
      throws IOException {
    String answer = rawRequest(path, token, length, 1024 * 1024);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("application/problem+json"), answer);
    assertTrue(answer.contains("\"code\":\"file-too-large\""), answer);
  }

  /**
   * Sends the head of a POST declaring {@code declaredLength} bytes (-1: chunked), then {@code
   * sent} bytes of it at most, and reads what the server answers meanwhile.
   */
  private String rawRequest(String path, String token, long declaredLength, int sent)
      throws IOException {
    return rawRequest(path, token, "application/json", declaredLength, sent);
  }

  private String rawRequest(
      String path, String token, String contentType, long declaredLength, int sent)
      throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head =
          new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n")
              .append("Content-Type: ")
              .append(contentType)
              .append("\r\n");
      if (token != null) {
        head.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      head.append(
          declaredLength < 0
              ? "Transfer-Encoding: chunked\r\n"
              : "Content-Length: " + declaredLength + "\r\n");
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      byte[] block = new byte[16 * 1024];
      java.util.Arrays.fill(block, (byte) ' ');
      block[0] = '{';
      int written = 0;
      try {
        while (written < sent) {
          if (declaredLength < 0) {
            out.write(
                (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(block);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          } else {
            out.write(block);
          }
          written += block.length;
          block[0] = ' ';
        }
        out.flush();
      } catch (IOException closedEarly) {
        // the server may close the connection once it has answered: what it answered counts
      }
      return readHead(socket.getInputStream());
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        answer.write(buffer, 0, n);
        String text = answer.toString(StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd > 0 && text.indexOf('}', headEnd) > 0) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // whatever arrived is the answer
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  private static Api.Reply session(Api api, Api.Site site, String sessionToken) {
    return api.call(
        "GET",
        "/api/kiosk/v1/sessions/current",
        site.kioskToken(),
        null,
        "X-Kiosk-Session",
        sessionToken);
  }

  private static long retryAfter(Api.Reply reply) {
    return Long.parseLong(reply.raw().headers().firstValue("Retry-After").orElseThrow());
  }

  private static JsonObject onlyKiosk(Api api, Api.Site site) {
    var kiosks = api.get("/api/v1/sites/" + site.id() + "/kiosks", BOOTSTRAP).expect(200).array();
    assertEquals(1, kiosks.size(), kiosks.toString());
    return kiosks.getJsonObject(0);
  }

  private static long staffId(Api api, long siteId, String email) {
    return api
        .get("/api/v1/sites/" + siteId + "/staff", BOOTSTRAP)
        .expect(200)
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(s -> s.getString("email").equals(email))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  /** How many messages to {@code email} have a subject or body containing {@code text}. */
  private static int notificationsTo(Api api, long siteId, String email, String text) {
    // the API never shows a message's body: the audit log's alert detail stands for it
    List<String> alerts =
        api
            .get("/api/v1/sites/" + siteId + "/audit-events?size=500", BOOTSTRAP)
            .expect(200)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> e.getString("type").equals("KIOSK_ALERT"))
            .map(e -> e.getString("detail", ""))
            .filter(d -> d.contains("within 24 hours"))
            .toList();
    int messages =
        api.get("/api/v1/sites/" + siteId + "/notifications?to=" + email, BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total");
    // the invitation, the alert at ten failures in a row (never reached: four at most), the
    // budget's
    assertEquals(2, messages, "messages to the manager");
    return alerts.size();
  }

  private static List<String> auditTypes(Api api, long siteId) {
    return api
        .get("/api/v1/sites/" + siteId + "/audit-events?size=500", BOOTSTRAP)
        .expect(200)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(e -> e.getString("type"))
        .toList();
  }

  interface Attempt {
    Callable<Api.Reply> of(int i);
  }

  /** Sends {@code n} requests at once; counts the answers by status and code. */
  private static Map<String, Integer> burst(int n, Attempt attempt) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Callable<Api.Reply> call = attempt.of(i);
      replies.add(
          callers.submit(
              () -> {
                start.await();
                return call.call();
              }));
    }
    start.countDown();
    Map<String, Integer> count = new HashMap<>();
    for (Future<Api.Reply> reply : replies) {
      Api.Reply r = reply.get(60, TimeUnit.SECONDS);
      String key = r.status() / 100 == 2 ? String.valueOf(r.status()) : r.status() + " " + r.code();
      count.merge(key, 1, Integer::sum);
    }
    callers.shutdown();
    return count;
  }
}
