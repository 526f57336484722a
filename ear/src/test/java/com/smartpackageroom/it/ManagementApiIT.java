package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The management API of KIOSK-API.md against the real EAR on Payara and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ManagementApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void sitesAreCreatedReadAndChanged() {
    Api api = new Api(base);
    JsonObject site =
        api.post(
                "/api/v1/sites",
                BOOTSTRAP,
                json(
                    "name",
                    "Harbor View",
                    "timeZone",
                    "America/Chicago",
                    "requestPinEnabled",
                    false))
            .expect(201)
            .json();
    long id = site.getJsonNumber("id").longValue();
    assertEquals("America/Chicago", site.getString("timeZone"));
    JsonObject changed =
        api.call("PATCH", "/api/v1/sites/" + id, BOOTSTRAP, json("requestPinEnabled", true))
            .expect(200)
            .json();
    assertTrue(changed.getBoolean("requestPinEnabled"));
    assertEquals("Harbor View", changed.getString("name"));
    assertEquals(
        "Harbor View",
        api.get("/api/v1/sites/" + id, BOOTSTRAP).expect(200).json().getString("name"));

    api.post("/api/v1/sites", BOOTSTRAP, json("name", "X", "timeZone", "Mars/Olympus"))
        .problem(400, "invalid-request");
    assertTrue(
        api.post("/api/v1/sites", BOOTSTRAP, json("timeZone", "UTC"))
            .problem(400, "invalid-request")
            .json()
            .getString("detail")
            .contains("name"));
    api.get("/api/v1/sites/999999999", BOOTSTRAP).problem(404, "not-found");
    api.get("/api/v1/sites/" + id, null).problem(401, "unauthorized");
    api.get("/api/v1/sites/" + id, "wrong-token").problem(401, "unauthorized");
  }

  @Test
  void recipientsAreCreatedSearchedChangedAndErased() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String path = "/api/v1/sites/" + site.id() + "/recipients";
    JsonObject zoe =
        api.post(
                path,
                BOOTSTRAP,
                json(
                    "externalId",
                    "t0000001",
                    "firstName",
                    " Zoë ",
                    "lastName",
                    "O'Brien",
                    "unit",
                    "2621",
                    "email",
                    "Zoe.OBrien@Example.org",
                    "phone",
                    "(212) 555-0143"))
            .expect(201)
            .json();
    assertEquals("+12125550143", zoe.getString("phone"));
    assertEquals("zoe.obrien@example.org", zoe.getString("email"));
    assertEquals("Zoë", zoe.getString("firstName"));
    assertEquals("ACTIVE", zoe.getString("status"));
    assertEquals("MANUAL", zoe.getString("source"));
    api.post(path, BOOTSTRAP, json("firstName", "Ana", "lastName", "Adams", "unit", "1"))
        .expect(201);
    api.post(path, BOOTSTRAP, json("firstName", "Bo", "lastName", "Brown", "unit", "2"))
        .expect(201);

    api.post(
            path,
            BOOTSTRAP,
            json("externalId", "t0000001", "firstName", "A", "lastName", "B", "unit", "3"))
        .problem(409, "duplicate-external-id");
    assertTrue(
        api.post(path, BOOTSTRAP, json("lastName", "B", "unit", "3"))
            .problem(400, "invalid-request")
            .json()
            .getString("detail")
            .contains("firstName"));
    assertTrue(
        api.post(
                path,
                BOOTSTRAP,
                json("firstName", "A", "lastName", "B", "unit", "3", "phone", "555"))
            .problem(400, "invalid-request")
            .json()
            .getString("detail")
            .contains("phone"));
    assertTrue(
        api.post(
                path,
                BOOTSTRAP,
                json("firstName", "A", "lastName", "B", "unit", "3", "email", "nope"))
            .problem(400, "invalid-request")
            .json()
            .getString("detail")
            .contains("email"));

    JsonObject page = api.get(path + "?size=2", BOOTSTRAP).expect(200).json();
    assertEquals(3, page.getInt("total"));
    assertEquals(2, page.getJsonArray("items").size());
    assertEquals("Adams", page.getJsonArray("items").getJsonObject(0).getString("lastName"));
    assertEquals(
        "O'Brien",
        api.get(path + "?page=1&size=2", BOOTSTRAP)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("lastName"));
    assertEquals(1, api.get(path + "?q=o%27bri", BOOTSTRAP).expect(200).json().getInt("total"));
    api.get(path + "?size=501", BOOTSTRAP).problem(400, "invalid-request");
    api.get(path + "?page=x", BOOTSTRAP).problem(400, "invalid-request");
    api.get(path + "?page=999999999", BOOTSTRAP).problem(400, "invalid-request");
    // a name search finds that name only, though others have phone numbers
    assertEquals(1, api.get(path + "?q=brown", BOOTSTRAP).expect(200).json().getInt("total"));
    assertEquals(
        "O'Brien",
        api.get(path + "?q=212-555", BOOTSTRAP)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("lastName"));
    // wrong types and input the JSON parser refuses are the caller's mistakes, never a 500
    assertTrue(
        api.post(path, BOOTSTRAP, "{\"firstName\":123,\"lastName\":\"B\",\"unit\":\"3\"}")
            .problem(400, "invalid-request")
            .json()
            .getString("detail")
            .contains("firstName"));
    api.post(path, BOOTSTRAP, "{\"firstName\":\"A\",\"x\":" + "9".repeat(1500) + "}")
        .problem(400, "invalid-request");

    long id = zoe.getJsonNumber("id").longValue();
    JsonObject moved =
        api.call("PATCH", path + "/" + id, BOOTSTRAP, json("status", "MOVED_OUT", "unit", "2622"))
            .expect(200)
            .json();
    assertEquals("MOVED_OUT", moved.getString("status"));
    assertEquals("2622", moved.getString("unit"));
    assertEquals(2, api.get(path + "?status=ACTIVE", BOOTSTRAP).json().getInt("total"));
    assertEquals(3, api.get(path, BOOTSTRAP).json().getInt("total"));

    api.call("DELETE", path + "/" + id, BOOTSTRAP, null).expect(204);
    api.get(path + "/" + id, BOOTSTRAP).problem(404, "not-found");
    String log =
        api.get("/api/v1/sites/" + site.id() + "/audit-events", BOOTSTRAP).json().toString();
    assertTrue(log.contains("RECIPIENT_ERASED"), log);
    assertFalse(
        log.contains("O'Brien") || log.contains("example.org"),
        "no personal data in the audit log");
  }

  @Test
  void aReplacedPinRestsForTheQuarantineAndIsFreeAgainAfterIt() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    // a caller of its own: refused chosen PINs count per caller and day (CustomPinLimits)
    String manager = api.tokenOf(api.newStaff(site.id(), "Pat", "Manager", "PROPERTY_MANAGER"));
    long courier = api.newCourier(site.id());
    String keys = "/api/v1/sites/" + site.id() + "/couriers/" + courier + "/access-keys";
    long keyId =
        api.post(keys, manager, json("type", "PIN", "pin", "582039"))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    api.call("PUT", "/api/v1/access-keys/" + keyId + "/pin", manager, json("pin", "730461"))
        .expect(200);

    // the replaced value rests (spr.keys.reuse-quarantine-days): nobody may choose it yet
    long other = api.newCourier(site.id());
    String otherKeys = "/api/v1/sites/" + site.id() + "/couriers/" + other + "/access-keys";
    api.post(otherKeys, manager, json("type", "PIN", "pin", "582039"))
        .problem(409, "pin-unavailable");
    assertEquals(1, retired(site.id()), "the replaced value, retired for its quarantine");

    // its quarantine over (as the days would end it): free again, and its retirement ends
    try (Connection db = db();
        PreparedStatement past =
            db.prepareStatement(
                "UPDATE retired_key_value SET reusable_after = now() - interval '1 day'"
                    + " WHERE site_id = ?")) {
      past.setLong(1, site.id());
      assertEquals(1, past.executeUpdate());
    }
    JsonObject again =
        api.post(otherKeys, manager, json("type", "PIN", "pin", "582039")).expect(201).json();
    assertEquals("582039", again.getString("pin"));
    assertEquals(0, retired(site.id()), "its retirement ended when it was given again");
    api.signIn(site.kioskToken(), "pin", "582039").expect(201);

    // a deleted value is never given again, quarantine or not
    api.call("DELETE", "/api/v1/access-keys/" + again.getJsonNumber("id"), manager, null)
        .expect(204);
    api.post(keys, manager, json("type", "PIN", "pin", "582039")).problem(409, "pin-unavailable");
  }

  private static long retired(long siteId) throws SQLException {
    try (Connection db = db();
        PreparedStatement count =
            db.prepareStatement("SELECT COUNT(*) FROM retired_key_value WHERE site_id = ?")) {
      count.setLong(1, siteId);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Connection db() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
  }

  @Test
  void accessKeysAreGeneratedCustomisedLookedUpAndAudited() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long courier = api.newCourier(site.id());
    String keys = "/api/v1/sites/" + site.id() + "/couriers/" + courier + "/access-keys";

    JsonObject custom =
        api.post(keys, BOOTSTRAP, json("type", "PIN", "pin", "582039")).expect(201).json();
    assertEquals("582039", custom.getString("pin"));
    assertEquals("ACTIVE", custom.getString("status"));
    assertEquals("COURIER", custom.getJsonObject("holder").getString("kind"));
    api.post(keys, BOOTSTRAP, json("type", "PIN", "pin", "582039")).problem(409, "pin-unavailable");
    api.post(keys, BOOTSTRAP, json("type", "PIN", "pin", "123456")).problem(400, "weak-pin");
    api.post(keys, BOOTSTRAP, json("type", "PIN", "pin", "111111")).problem(400, "weak-pin");
    api.post(keys, BOOTSTRAP, json("type", "PIN", "pin", "12a4")).problem(400, "invalid-request");
    api.post(keys, BOOTSTRAP, json("type", "KEY")).problem(400, "invalid-request");

    long keyId = custom.getJsonNumber("id").longValue();
    JsonObject changed =
        api.call("PUT", "/api/v1/access-keys/" + keyId + "/pin", BOOTSTRAP, json("pin", "730461"))
            .expect(200)
            .json();
    assertEquals("730461", changed.getString("pin"));
    api.call("PUT", "/api/v1/access-keys/" + keyId + "/pin", BOOTSTRAP, json("pin", "654321"))
        .problem(400, "weak-pin");
    api.signIn(site.kioskToken(), "pin", "730461").expect(201);
    api.signIn(site.kioskToken(), "pin", "582039").problem(401, "invalid-credential");

    JsonObject lookedUp = api.get("/api/v1/access-keys/" + keyId, BOOTSTRAP).expect(200).json();
    assertEquals("730461", lookedUp.getString("pin"));
    api.post("/api/v1/access-keys/" + keyId + "/deactivate", BOOTSTRAP, null).expect(200);
    JsonObject inactive = api.get("/api/v1/access-keys/" + keyId, BOOTSTRAP).expect(200).json();
    assertEquals("INACTIVE", inactive.getString("status"));
    assertFalse(inactive.containsKey("pin"), "an inactive PIN is not shown");

    JsonObject qr = api.post(keys, BOOTSTRAP, json("type", "QR")).expect(201).json();
    String token = qr.getString("qr");
    assertTrue(token.length() >= 22, "at least 128 bits");
    Api.Reply png =
        api.get("/api/v1/access-keys/" + qr.getJsonNumber("id") + "/qr.png", BOOTSTRAP).expect(200);
    assertEquals("image/png", png.contentType());
    var image = ImageIO.read(new ByteArrayInputStream(png.raw().body()));
    // read as the code the server drew (square, with its quiet zone): the default search for its
    // finder patterns misses some 0.7 % of random contents (measured on 3 000), this reading none
    String decoded =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
            .getText();
    assertEquals(token, decoded);
    api.get("/api/v1/access-keys/" + keyId + "/qr.png", BOOTSTRAP).problem(404, "not-found");

    assertEquals(2, api.get(keys, BOOTSTRAP).expect(200).array().size());
    String log =
        api.get("/api/v1/sites/" + site.id() + "/audit-events?size=500", BOOTSTRAP)
            .json()
            .toString();
    for (String event :
        new String[] {
          "KEY_CUSTOMIZED", "KEY_VIEWED", "KEY_DEACTIVATED", "KEY_GENERATED", "KEY_USED"
        }) {
      assertTrue(log.contains(event), event + " in " + log);
    }
    // every look-up is audited, also one that shows no value
    assertTrue(log.contains("value not shown"), log);
    api.get("/api/v1/access-keys/999999999", BOOTSTRAP).problem(404, "not-found");
  }

  @Test
  void recipientsGetGeneratedPinsAndSingleAccessPins() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long withEmail = api.newRecipient(site.id(), Api.unique("r") + "@example.org", null);
    String keys = "/api/v1/sites/" + site.id() + "/recipients/" + withEmail + "/access-keys";
    api.post(keys, BOOTSTRAP, json("type", "PIN", "pin", "582039")).problem(400, "invalid-request");
    assertEquals(
        6,
        api.post(keys, BOOTSTRAP, json("type", "PIN"))
            .expect(201)
            .json()
            .getString("pin")
            .length());

    String pins = "/api/v1/sites/" + site.id() + "/recipients/" + withEmail + "/single-access-pins";
    JsonObject oneTime = api.post(pins, BOOTSTRAP, json("notifyVia", "EMAIL")).expect(201).json();
    Duration validity =
        Duration.between(Instant.now(), Instant.parse(oneTime.getString("expiresAt")));
    assertTrue(
        validity.compareTo(Duration.ofHours(23)) > 0
            && validity.compareTo(Duration.ofHours(25)) < 0,
        validity.toString());
    String chosen =
        Instant.now()
            .plus(Duration.ofDays(3))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    assertEquals(
        Instant.parse(chosen),
        Instant.parse(
            api.post(pins, BOOTSTRAP, json("notifyVia", "EMAIL", "expiresAt", chosen))
                .expect(201)
                .json()
                .getString("expiresAt")));
    api.post(pins, BOOTSTRAP, json("notifyVia", "SMS")).problem(422, "contact-missing");
    api.post(pins, BOOTSTRAP, json("notifyVia", "PIGEON")).problem(400, "invalid-request");
    api.post(pins, BOOTSTRAP, json()).problem(400, "invalid-request");
    api.post(pins, BOOTSTRAP, json("notifyVia", "EMAIL", "expiresAt", "tomorrow"))
        .problem(400, "invalid-request");
    api.post(pins, BOOTSTRAP, json("notifyVia", "EMAIL", "expiresAt", "2001-01-01T00:00:00Z"))
        .problem(400, "invalid-request");
    // the generated PIN and the two single access PINs were each sent; the refusals sent nothing
    JsonObject outbox =
        api.get("/api/v1/sites/" + site.id() + "/notifications", BOOTSTRAP).expect(200).json();
    assertEquals(3, outbox.getInt("total"));
    assertEquals("ACCESS_KEY", outbox.getJsonArray("items").getJsonObject(2).getString("kind"));
  }

  @Test
  void recipientsAreListedByLastThenFirstNameRegardlessOfCaseAndAccents() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String path = "/api/v1/sites/" + site.id() + "/recipients";
    for (String[] name :
        new String[][] {
          {"Ana", "Zimmer"},
          {"ann", "de Vries"},
          {"Émile", "Évans"},
          {"Bo", "Davis"},
          {"Al", "Davis"}
        }) {
      api.post(path, BOOTSTRAP, json("firstName", name[0], "lastName", name[1], "unit", "1"))
          .expect(201);
    }
    List<String> listed =
        api
            .get(path, BOOTSTRAP)
            .expect(200)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(r -> r.getString("firstName") + " " + r.getString("lastName"))
            .toList();
    assertEquals(
        List.of("Al Davis", "Bo Davis", "ann de Vries", "Émile Évans", "Ana Zimmer"), listed);
  }

  @Test
  void aTokenSeesOnlyItsOwnSites() {
    Api api = new Api(base);
    Api.Site mine = api.newSite(false);
    Api.Site theirs = api.newSite(false);
    long staff = api.newStaff(mine.id(), "Pat", "Manager", "PROPERTY_MANAGER");
    String token =
        api.post("/api/v1/api-tokens", BOOTSTRAP, json("accountId", staff, "name", "integration"))
            .expect(201)
            .json()
            .getString("token");
    api.get("/api/v1/sites/" + mine.id(), token).expect(200);
    api.get("/api/v1/sites/" + theirs.id(), token).problem(403, "forbidden");
    api.get("/api/v1/sites/" + theirs.id() + "/recipients", token).problem(403, "forbidden");
    long theirRecipient = api.newRecipient(theirs.id(), Api.unique("t") + "@example.org", null);
    long theirKey =
        api.newKey(theirs.id(), "recipients", theirRecipient, "PIN")
            .getJsonNumber("id")
            .longValue();
    api.get("/api/v1/access-keys/" + theirKey, token).problem(403, "forbidden");
    api.post("/api/v1/access-keys/" + theirKey + "/deactivate", token, null)
        .problem(403, "forbidden");
    api.post("/api/v1/sites", token, json("name", "Mine now", "timeZone", "UTC"))
        .problem(403, "forbidden");
    api.get("/api/v1/sites/" + mine.id() + "/recipients/" + theirRecipient, token)
        .problem(403, "forbidden");
    long theirStaff = api.newStaff(theirs.id(), "Sam", "Desk", "STAFF");
    api.get("/api/v1/sites/" + mine.id() + "/staff/" + theirStaff + "/access-keys", token)
        .problem(403, "forbidden");
    api.get("/api/v1/sites/" + mine.id() + "/staff/" + theirStaff, token).problem(403, "forbidden");

    long tokenId =
        api.get("/api/v1/api-tokens", BOOTSTRAP).expect(200).array().stream()
            .map(v -> v.asJsonObject())
            .filter(t -> t.getJsonNumber("accountId").longValue() == staff)
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    api.call("DELETE", "/api/v1/api-tokens/" + tokenId, BOOTSTRAP, null).expect(204);
    api.get("/api/v1/sites/" + mine.id(), token).problem(401, "unauthorized");
  }

  /** The API description an integrator generates a client from, and the readiness probe. */
  @Test
  void theApiIsDescribedAndReady() {
    Api api = new Api(base);
    JsonObject doc =
        api.call("GET", "/openapi", null, null, "Accept", "application/json").expect(200).json();
    JsonObject paths = doc.getJsonObject("paths");
    assertTrue(paths.containsKey("/api/kiosk/v1/sessions"), paths.keySet().toString());
    assertTrue(paths.containsKey("/api/v1/sites/{siteId}/{holders}/{holderId}/access-keys"));
    assertTrue(
        paths.keySet().stream().noneMatch(p -> p.contains(":")), "no regular expression in a path");
    List<String> operationIds =
        paths.values().stream()
            .flatMap(item -> item.asJsonObject().values().stream())
            .filter(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT)
            .map(v -> v.asJsonObject().getString("operationId", null))
            .filter(java.util.Objects::nonNull)
            .toList();
    assertTrue(operationIds.size() > 30, operationIds.toString());
    assertEquals(
        operationIds.size(), operationIds.stream().distinct().count(), "unique operationIds");
    assertEquals(
        "bearer",
        doc.getJsonObject("components")
            .getJsonObject("securitySchemes")
            .getJsonObject("bearer")
            .getString("scheme"));

    JsonObject ready = api.get("/health/ready", null).expect(200).json();
    assertEquals("UP", ready.getString("status"));
    List<String> checks =
        ready.getJsonArray("checks").stream()
            .map(
                c ->
                    c.asJsonObject().getString("name") + "=" + c.asJsonObject().getString("status"))
            .sorted()
            .toList();
    assertEquals(List.of("api=UP", "database=UP"), checks);
  }
}
