package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint that takes a body, fed bodies no integration sends: each answer is a refusal in
 * problem+json (or a success where the body happens to make sense), never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MalformedInputIT {

  private static final List<String> BODIES =
      List.of(
          "",
          "null",
          "[]",
          "\"text\"",
          "{",
          "{\"x\":1}",
          "{\"name\":null}",
          "{\"name\":[]}",
          "{\"name\":{}}",
          "{\"name\":\"" + "x".repeat(5000) + "\"}",
          "{\"x\":" + "9".repeat(1500) + "}",
          "{\"name\":\"a\",\"timeZone\":\"Mars/Olympus\"}",
          "{\"name\":\"a\",\"timeZone\":\"UTC\",\"requestPinEnabled\":\"yes\"}",
          "{\"notifyVia\":\"EMAIL\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}",
          "{\"type\":\"PIN\",\"pin\":\"000000\"}",
          "{\"type\":\"QR\",\"pin\":582039}",
          "{\"email\":\"x\",\"firstName\":\"a\",\"lastName\":\"b\",\"role\":\"KING\"}",
          "{\"pin\":\"582039\",\"card\":\"" + "F".repeat(300) + "\"}",
          "{\"contact\":\"" + "9".repeat(100) + "\"}",
          "{\"columns\":[]}",
          "{\"columns\":{\"unit\":5}}",
          "{\"currentStatuses\":\"x\"}");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void noBodyMakesTheServerFail() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    long siteId = site.id();
    long recipient = api.newRecipient(siteId, Api.unique("m") + "@example.org", null);
    long courier = api.newCourier(siteId);
    long key = api.newKey(siteId, "couriers", courier, "PIN").getJsonNumber("id").longValue();
    String s = "/api/v1/sites/" + siteId;
    String[][] endpoints = {
      {"POST", "/api/v1/sites"},
      {"PATCH", s},
      {"POST", s + "/kiosks"},
      {"POST", s + "/recipients"},
      {"PATCH", s + "/recipients/" + recipient},
      {"POST", s + "/couriers"},
      {"POST", s + "/staff"},
      {"POST", s + "/recipients/" + recipient + "/access-keys"},
      {"POST", s + "/couriers/" + courier + "/access-keys"},
      {"POST", s + "/recipients/" + recipient + "/single-access-pins"},
      {"PUT", "/api/v1/access-keys/" + key + "/pin"},
      {"POST", "/api/v1/administrators"},
      {"POST", "/api/v1/api-tokens"},
      {"PUT", s + "/import-mappings/probe"},
      {"POST", "/api/v1/notifications/999999999/resend"},
      {"POST", "/api/kiosk/v1/sessions"},
      {"POST", "/api/kiosk/v1/key-cards"},
      {"POST", "/api/kiosk/v1/pin-requests"},
    };
    List<String> failures = new ArrayList<>();
    for (String[] endpoint : endpoints) {
      String token = endpoint[1].startsWith("/api/kiosk/") ? site.kioskToken() : BOOTSTRAP;
      for (String body : BODIES) {
        check(
            api.call(endpoint[0], endpoint[1], token, body),
            endpoint[0] + " " + endpoint[1],
            body,
            failures);
      }
    }
    for (String path :
        List.of(
            s + "/recipients?status=GONE",
            s + "/recipients?page=-1",
            s + "/recipients?size=0",
            s + "/recipients?q=" + "%25".repeat(50),
            s + "/audit-events?page=99999999",
            s + "/notifications?to=%00",
            s + "/notifications?to=a%00b@example.org",
            s + "/recipients?q=a%00b",
            s + "/audit-events?from=%2B100000-01-01T00:00:00Z",
            s + "/audit-events?to=-099999-01-01T00:00:00Z",
            s + "/notifications?status=%00",
            s + "/audit-events?type=%00&from=%00&to=%00&actor=%00&kioskId=%00",
            s + "/audit-events.csv?type=%00&from=%00&to=%00&actor=%00&kioskId=%00",
            s + "/audit-events.csv?kioskId=1e999",
            s + "/audit-events.csv?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            s + "/dashboard",
            "/api/v1/sites/abc/dashboard",
            "/api/v1/sites/abc/audit-events.csv",
            "/api/v1/imports/abc/errors.csv",
            "/api/v1/imports/99999999999999999999/errors.csv",
            "/api/v1/sites/abc",
            "/api/v1/access-keys/abc",
            "/api/v1/access-keys/99999999999999999999",
            "/api/v1/access-keys/" + key + "/qr.png?size=99999",
            "/api/v1/imports/abc",
            "/api/v1/nothing-here")) {
      check(api.get(path, BOOTSTRAP), "GET " + path, "", failures);
    }
    for (String csv : List.of("", "x,y\r\n", "\u0000\u0001bad")) {
      check(
          api.postCsv(s + "/imports?layout=yardi", BOOTSTRAP, csv), "POST imports", csv, failures);
    }
    check(
        api.postCsv(s + "/imports?layout=a%00b", BOOTSTRAP, "x,y\r\n"),
        "POST imports?layout=a%00b",
        "",
        failures);
    // text PostgreSQL cannot store or compare (a NUL), a date beyond its years: refused by name
    for (String path :
        List.of(
            s + "/recipients?q=a%00b",
            s + "/notifications?to=a%00b@example.org",
            s + "/audit-events?from=%2B100000-01-01T00:00:00Z")) {
      api.get(path, BOOTSTRAP).problem(400, "invalid-request");
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void whatTheParsersWouldLetThroughIsRefusedAsInvalid() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    long courier = api.newCourier(site.id());
    String pin = api.newKey(site.id(), "couriers", courier, "PIN").getString("pin");
    String siteBody = "{\"name\":\"Charset\",\"timeZone\":\"UTC\",\"requestPinEnabled\":true}";
    // a charset the server does not know, or a Content-Type it cannot parse at all
    for (String contentType :
        List.of("application/json; charset=bogus", "application/json; charset=x??", ";;;")) {
      api.callWithContentType("POST", "/api/v1/sites", BOOTSTRAP, siteBody, contentType)
          .problem(400, "invalid-request");
      api.callWithContentType(
              "POST",
              "/api/kiosk/v1/sessions",
              site.kioskToken(),
              "{\"pin\":\"" + pin + "\"}",
              contentType)
          .problem(400, "invalid-request");
    }
    // text after the JSON value, a field given twice: refused, not read in part
    assertTrue(
        api.post("/api/v1/sites", BOOTSTRAP, siteBody + " garbage")
            .problem(400, "invalid-request")
            .json()
            .getString("detail")
            .contains("text follows"));
    api.post("/api/v1/sites", BOOTSTRAP, siteBody + " {}").problem(400, "invalid-request");
    api.post(
            "/api/v1/sites",
            BOOTSTRAP,
            "{\"name\":\"A\",\"name\":\"B\",\"timeZone\":\"UTC\",\"requestPinEnabled\":true}")
        .problem(400, "invalid-request");
    api.post("/api/v1/sites", BOOTSTRAP, siteBody + " \r\n ").expect(201);
    // a key card's UID of control characters is no UID, and the PIN is not used up by it
    api.post(
            "/api/kiosk/v1/key-cards",
            site.kioskToken(),
            "{\"pin\":\"" + pin + "\",\"card\":\"\\u0000\\u0001\"}")
        .problem(400, "invalid-request");
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    // a 401 says which scheme to authenticate with (RFC 6750)
    Api.Reply unauthorized =
        api.get("/api/v1/sites/" + site.id(), null).problem(401, "unauthorized");
    assertEquals(
        "Bearer", unauthorized.raw().headers().firstValue("WWW-Authenticate").orElse(null));
  }

  private static void check(Api.Reply reply, String call, String body, List<String> failures) {
    String shown = call + " with " + (body.length() > 40 ? body.substring(0, 40) + "..." : body);
    if (reply.status() >= 500) {
      failures.add(shown + " -> " + reply.status() + " " + reply.body());
    } else if (reply.status() >= 400) {
      boolean problem = reply.contentType().startsWith("application/problem+json");
      if (!problem) {
        failures.add(shown + " -> " + reply.status() + " without problem+json");
      } else {
        assertTrue(reply.json().containsKey("code"), shown + ": " + reply.body());
      }
    }
  }
}
