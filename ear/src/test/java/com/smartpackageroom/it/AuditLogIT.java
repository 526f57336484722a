package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log as the portal's Audit log screen reads it: filtered by date range, actor, kiosk and
 * event type, paged newest first, and exported as CSV with formula cells made inert. The
 * integration server stops an export at 40 events (SPR_AUDIT_EXPORT_MAX_ROWS in ear/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditLogIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
  }

  @Test
  void theLogIsFilteredByTypeKioskActorAndTimeNewestFirst() {
    Api api = new Api(base);
    Instant before = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    Api.Site site = api.newSite(false);
    String audit = "/api/v1/sites/" + site.id() + "/audit-events";
    long kioskId =
        items(api.get(audit + "?type=KIOSK_REGISTERED", BOOTSTRAP).expect(200).json())
            .get(0)
            .getJsonNumber("kioskId")
            .longValue();
    long recipient = api.newRecipient(site.id(), Api.unique("a") + "@example.org", null);
    long manager = api.newStaff(site.id(), "Pat", "Manager", "PROPERTY_MANAGER");
    String managerToken = api.tokenOf(manager);
    String pin =
        api.post(
                "/api/v1/sites/" + site.id() + "/recipients/" + recipient + "/access-keys",
                managerToken,
                Api.json("type", "PIN"))
            .expect(201)
            .json()
            .getString("pin");
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    api.signIn(site.kioskToken(), "pin", pin.equals("918273") ? "918274" : "918273");

    JsonObject used = api.get(audit + "?type=KEY_USED", BOOTSTRAP).expect(200).json();
    assertEquals(1, used.getInt("total"), used.toString());
    assertEquals(kioskId, items(used).get(0).getJsonNumber("kioskId").longValue());
    api.get(audit + "?type=key_used", BOOTSTRAP).expect(200); // case does not matter

    JsonObject atKiosk = api.get(audit + "?kioskId=" + kioskId, BOOTSTRAP).expect(200).json();
    assertTrue(atKiosk.getInt("total") >= 3, atKiosk.toString()); // registered, used, failed
    items(atKiosk)
        .forEach(e -> assertEquals(kioskId, e.getJsonNumber("kioskId").longValue(), e.toString()));

    JsonObject byManager =
        api.get(audit + "?actor=" + q("account:" + manager), BOOTSTRAP).expect(200).json();
    assertEquals(1, byManager.getInt("total"), byManager.toString());
    assertEquals("KEY_GENERATED", items(byManager).get(0).getString("type"));

    JsonObject all = api.get(audit, BOOTSTRAP).expect(200).json();
    Instant after = Instant.now().plusSeconds(5);
    assertEquals(
        all.getInt("total"),
        api.get(audit + "?from=" + before + "&to=" + after, BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total"));
    assertEquals(
        0, api.get(audit + "?from=" + after, BOOTSTRAP).expect(200).json().getInt("total"));
    assertEquals(0, api.get(audit + "?to=" + before, BOOTSTRAP).expect(200).json().getInt("total"));
    assertEquals(
        1,
        api.get(
                audit + "?type=KEY_USED&kioskId=" + kioskId + "&from=" + q(before.toString()),
                BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total"));

    // pages of a filter: newest first, one after the other, the same total
    JsonObject first =
        api.get(audit + "?kioskId=" + kioskId + "&size=2", BOOTSTRAP).expect(200).json();
    JsonObject second =
        api.get(audit + "?kioskId=" + kioskId + "&size=2&page=1", BOOTSTRAP).expect(200).json();
    assertEquals(first.getInt("total"), second.getInt("total"));
    long a = items(first).get(0).getJsonNumber("id").longValue();
    long b = items(first).get(1).getJsonNumber("id").longValue();
    long c = items(second).get(0).getJsonNumber("id").longValue();
    assertTrue(a > b && b > c, a + " " + b + " " + c);
  }

  @Test
  void aDateRangeIsReadNewestFirstByTime() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    // written out of time order, as a late transaction may write
    for (String at :
        List.of("2025-01-02T10:00:00Z", "2025-01-01T10:00:00Z", "2025-01-03T10:00:00Z")) {
      Api.sql(
          "INSERT INTO audit_event (site_id, occurred_at, type, actor, detail)"
              + " VALUES (?, ?, 'KEY_VIEWED', 'it', ?)",
          site.id(),
          java.sql.Timestamp.from(Instant.parse(at)),
          at);
    }
    String audit = "/api/v1/sites/" + site.id() + "/audit-events";
    List<String> byTime =
        items(
                api.get(audit + "?from=2025-01-01T00:00:00Z&to=2025-01-03T00:00:00Z", BOOTSTRAP)
                    .expect(200)
                    .json())
            .stream()
            .map(e -> e.getString("detail"))
            .toList();
    assertEquals(List.of("2025-01-02T10:00:00Z", "2025-01-01T10:00:00Z"), byTime);
    String csv =
        api.get(audit + ".csv?actor=it&from=2025-01-01T00:00:00Z", BOOTSTRAP).expect(200).body();
    String[] lines = csv.split("\r\n");
    assertEquals(4, lines.length, csv);
    assertTrue(lines[1].endsWith(",2025-01-03T10:00:00Z"), lines[1]);
    assertTrue(lines[1].contains(",2025-01-03 05:00:00,"), "local time in New York: " + lines[1]);
    assertTrue(lines[3].endsWith(",2025-01-01T10:00:00Z"), lines[3]);
  }

  @Test
  void badFiltersAreRefusedNamingTheParameter() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    for (String path :
        List.of(
            "/api/v1/sites/" + site.id() + "/audit-events",
            "/api/v1/sites/" + site.id() + "/audit-events.csv")) {
      assertDetail(api, path + "?type=KEY_STOLEN", "type");
      assertDetail(api, path + "?from=yesterday", "from");
      assertDetail(api, path + "?to=2026-13-01T00:00:00Z", "to");
      assertDetail(api, path + "?from=2026-12-01", "from");
      assertDetail(api, path + "?kioskId=abc", "kioskId");
      assertDetail(api, path + "?actor=" + "x".repeat(101), "actor");
      assertDetail(api, path + "?actor=" + q("a\u0007b"), "actor");
      assertDetail(
          api, path + "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from must be before");
      api.get(path + "?kioskId=99999999999999999999", BOOTSTRAP).problem(400, "invalid-request");
      api.get(path + "?from=%00", BOOTSTRAP).problem(400, "invalid-request");
    }
    api.get("/api/v1/sites/" + site.id() + "/audit-events?size=501", BOOTSTRAP)
        .problem(400, "invalid-request");
    // an offset is fine, and so is another site's kiosk: nothing of it is in this site's log
    api.get(
            "/api/v1/sites/" + site.id() + "/audit-events?from=" + q("2026-12-01T00:00:00+01:00"),
            BOOTSTRAP)
        .expect(200);
    Api.Site other = api.newSite(false);
    long theirKiosk =
        items(
                api.get(
                        "/api/v1/sites/" + other.id() + "/audit-events?type=KIOSK_REGISTERED",
                        BOOTSTRAP)
                    .expect(200)
                    .json())
            .get(0)
            .getJsonNumber("kioskId")
            .longValue();
    assertEquals(
        0,
        api.get("/api/v1/sites/" + site.id() + "/audit-events?kioskId=" + theirKiosk, BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total"));
  }

  private static void assertDetail(Api api, String path, String named) {
    String detail =
        api.get(path, BOOTSTRAP).problem(400, "invalid-request").json().getString("detail");
    assertTrue(detail.contains(named), path + ": " + detail);
  }

  @Test
  void anotherSitesLogIsForbiddenAndStaffSeeNone() {
    Api api = new Api(base);
    Api.Site mine = api.newSite(false);
    Api.Site theirs = api.newSite(false);
    String manager = api.tokenOf(api.newStaff(mine.id(), "Pat", "Manager", "PROPERTY_MANAGER"));
    String staff = api.tokenOf(api.newStaff(mine.id(), "Sam", "Desk", "STAFF"));
    api.get("/api/v1/sites/" + mine.id() + "/audit-events", manager).expect(200);
    api.get("/api/v1/sites/" + mine.id() + "/audit-events.csv", manager).expect(200);
    for (String suffix :
        List.of("/audit-events", "/audit-events.csv", "/audit-events.csv?type=KEY_USED")) {
      api.get("/api/v1/sites/" + theirs.id() + suffix, manager).problem(403, "forbidden");
      api.get("/api/v1/sites/" + mine.id() + suffix, staff).problem(403, "forbidden");
      api.get("/api/v1/sites/999999999" + suffix, manager).problem(404, "not-found");
      api.get("/api/v1/sites/" + mine.id() + suffix, null).problem(401, "unauthorized");
    }
    // a client that accepts CSV only is still told why, in problem+json
    api.call(
            "GET",
            "/api/v1/sites/" + theirs.id() + "/audit-events.csv",
            manager,
            null,
            "Accept",
            "text/csv")
        .problem(403, "forbidden");
  }

  @Test
  void theCsvExportHasEveryFilteredEventWithFormulaCellsMadeInert() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    // what a hostile value would look like had it reached the log (the server writes only ids)
    Api.sql(
        "INSERT INTO audit_event (site_id, occurred_at, type, actor, detail)"
            + " VALUES (?, now(), 'KEY_VIEWED', ?, ?)",
        site.id(),
        "=cmd|' /C calc'!A0",
        "@SUM(1+1), \"quoted\"");
    Api.Reply csv =
        api.get("/api/v1/sites/" + site.id() + "/audit-events.csv", BOOTSTRAP).expect(200);
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    assertTrue(
        csv.raw().headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(
        "id,occurredAt,localTime,type,actor,kioskId,keyId,keyType,holderKind,holderId,detail",
        lines[0]);
    JsonObject json = api.get("/api/v1/sites/" + site.id() + "/audit-events", BOOTSTRAP).json();
    assertEquals(json.getInt("total") + 1, lines.length, csv.body());
    assertEquals(
        String.valueOf(json.getInt("total")),
        csv.raw().headers().firstValue("X-Total-Count").orElse(""));
    assertTrue(lines[1].startsWith(items(json).get(0).getJsonNumber("id") + ","), lines[1]);
    assertTrue(lines[1].contains(",KEY_VIEWED,'=cmd|' /C calc'!A0,"), lines[1]);
    assertTrue(lines[1].endsWith(",\"'@SUM(1+1), \"\"quoted\"\"\""), lines[1]);
    assertFalse(csv.body().contains(",=cmd"), "no cell starts with =");

    String onlyViewed =
        api.get("/api/v1/sites/" + site.id() + "/audit-events.csv?type=KEY_VIEWED", BOOTSTRAP)
            .expect(200)
            .body();
    assertEquals(2, onlyViewed.split("\r\n").length, onlyViewed);
  }

  @Test
  void anExportStopsAtTheLimitAndSaysSo() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    for (int i = 0; i < 45; i++) {
      Api.sql(
          "INSERT INTO audit_event (site_id, occurred_at, type, actor) VALUES (?, now(), 'KEY_VIEWED', 'it')",
          site.id());
    }
    Api.Reply csv =
        api.get("/api/v1/sites/" + site.id() + "/audit-events.csv?actor=it", BOOTSTRAP).expect(200);
    String[] lines = csv.body().split("\r\n");
    assertEquals(1 + 40 + 1, lines.length, csv.body());
    assertTrue(lines[41].startsWith("# The export stops at 40 events"), lines[41]);
    assertEquals("45", csv.raw().headers().firstValue("X-Total-Count").orElse(""));
  }
}
