package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services of the portal's Dashboard, Settings and Imports screens through the management API:
 * the dashboard's figures, a site's settings (the default validity of a single access PIN used by
 * staff and by Request PIN), an import's progress figure and its skipped lines as CSV.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalServicesIT {

  private static final String YARDI_HEADER =
      "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,Move In,Move Out\r\n";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void theDashboardCountsTheSitesFigures() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String dashboard = "/api/v1/sites/" + site.id() + "/dashboard";
    JsonObject empty = api.get(dashboard, BOOTSTRAP).expect(200).json();
    assertEquals(0, empty.getInt("activeRecipients"));
    assertEquals(0, empty.getInt("keysIssuedThisWeek"));
    assertEquals(0, empty.getInt("messagesFailed"));
    assertEquals(0, empty.getInt("kiosksThrottledNow"));
    assertFalse(empty.containsKey("lastImport"), empty.toString());
    Instant monday =
        Instant.now()
            .atZone(ZoneId.of("America/New_York"))
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(ZoneId.of("America/New_York"))
            .toInstant();
    assertEquals(monday.toString(), empty.getString("weekStartedAt"));

    long ana = api.newRecipient(site.id(), Api.unique("ana") + "@example.org", null);
    String boEmail = Api.unique("bo") + "@example.org";
    long bo = api.newRecipient(site.id(), boEmail, null);
    long cy = api.newRecipient(site.id(), Api.unique("cy") + "@example.org", null);
    api.call(
            "PATCH",
            "/api/v1/sites/" + site.id() + "/recipients/" + cy,
            BOOTSTRAP,
            json("status", "MOVED_OUT"))
        .expect(200);
    long old = api.newKey(site.id(), "recipients", ana, "PIN").getJsonNumber("id").longValue();
    api.newKey(site.id(), "recipients", ana, "QR");
    api.newKey(site.id(), "recipients", bo, "PIN");
    // a key of the week before
    Api.sql(
        "UPDATE access_key SET created_at = ? WHERE id = ?",
        java.sql.Timestamp.from(monday.minus(Duration.ofHours(1))),
        old);
    long kiosk =
        api.post("/api/v1/sites/" + site.id() + "/kiosks", BOOTSTRAP, json("name", "Back door"))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    Api.sql(
        "UPDATE kiosk SET blocked_until = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1))),
        kiosk);
    NotificationResendIT.failPendingTo(api, site.id(), boEmail);

    JsonObject figures = api.get(dashboard, BOOTSTRAP).expect(200).json();
    assertEquals(2, figures.getInt("activeRecipients"), figures.toString());
    assertEquals(2, figures.getInt("keysIssuedThisWeek"), figures.toString());
    assertEquals(1, figures.getInt("messagesFailed"), figures.toString());
    assertEquals(1, figures.getInt("kiosksThrottledNow"), figures.toString());

    JsonObject imported =
        importAndWait(api, site.id(), YARDI_HEADER + line(1, "r0001@example.org"));
    JsonObject last = api.get(dashboard, BOOTSTRAP).expect(200).json().getJsonObject("lastImport");
    assertEquals(imported.getJsonNumber("id").longValue(), last.getJsonNumber("id").longValue());
    assertEquals("COMPLETED", last.getString("status"));
    assertEquals(1, last.getInt("inserted"));
    assertEquals(1, last.getInt("totalLines"));

    // staff see the figures of their screens only; nobody sees another site's
    String staff = api.tokenOf(api.newStaff(site.id(), "Sam", "Desk", "STAFF"));
    JsonObject staffView = api.get(dashboard, staff).expect(200).json();
    assertEquals(3, staffView.getInt("activeRecipients"));
    assertFalse(staffView.containsKey("lastImport"), staffView.toString());
    assertFalse(staffView.containsKey("kiosksThrottledNow"), staffView.toString());
    Api.Site other = api.newSite(false);
    String otherManager =
        api.tokenOf(api.newStaff(other.id(), "Kim", "Elsewhere", "PROPERTY_MANAGER"));
    api.get(dashboard, otherManager).problem(403, "forbidden");
    api.get("/api/v1/sites/999999999/dashboard", BOOTSTRAP).problem(404, "not-found");
    assertEquals(404, api.get("/api/v1/sites/abc/dashboard", BOOTSTRAP).status());
    api.get(dashboard, null).problem(401, "unauthorized");
  }

  @Test
  void aSitesDefaultPinValidityIsUsedByStaffAndByRequestPin() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    String path = "/api/v1/sites/" + site.id();
    JsonObject before = api.get(path, BOOTSTRAP).expect(200).json();
    assertEquals("PT24H", before.getString("singleAccessPinValidity"));
    assertTrue(before.getBoolean("singleAccessPinValidityIsDefault"));
    assertEquals("PT720H", before.getString("singleAccessPinMaxValidity"));

    String manager = api.tokenOf(api.newStaff(site.id(), "Pat", "Manager", "PROPERTY_MANAGER"));
    JsonObject changed =
        api.call("PATCH", path, manager, json("singleAccessPinValidity", "PT2H"))
            .expect(200)
            .json();
    assertEquals("PT2H", changed.getString("singleAccessPinValidity"));
    assertFalse(changed.getBoolean("singleAccessPinValidityIsDefault"));

    String email = Api.unique("ana") + "@example.org";
    long recipient = api.newRecipient(site.id(), email, null);
    Instant sent = Instant.now();
    JsonObject key =
        api.post(
                path + "/recipients/" + recipient + "/single-access-pins",
                manager,
                json("notifyVia", "EMAIL"))
            .expect(201)
            .json();
    assertAbout(sent.plus(Duration.ofHours(2)), Instant.parse(key.getString("expiresAt")));

    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", email)).expect(202);
    JsonObject requested =
        api
            .get(path + "/recipients/" + recipient + "/access-keys", BOOTSTRAP)
            .expect(200)
            .array()
            .stream()
            .map(v -> v.asJsonObject())
            .filter(k -> k.getJsonNumber("id").longValue() != key.getJsonNumber("id").longValue())
            .filter(k -> k.getBoolean("singleUse"))
            .findFirst()
            .orElseThrow();
    assertAbout(
        Instant.now().plus(Duration.ofHours(2)), Instant.parse(requested.getString("expiresAt")));

    // refusals name the field; null goes back to the server's default
    for (String bad : List.of("2 hours", "P60D", "PT0S", "-PT1H", "PT30S", "P1M")) {
      String detail =
          api.call("PATCH", path, manager, json("singleAccessPinValidity", bad))
              .problem(400, "invalid-request")
              .json()
              .getString("detail");
      assertTrue(detail.contains("singleAccessPinValidity"), bad + ": " + detail);
    }
    assertEquals(
        400, api.call("PATCH", path, manager, "{\"singleAccessPinValidity\":7200}").status());
    JsonObject reset =
        api.call("PATCH", path, manager, json("singleAccessPinValidity", null)).expect(200).json();
    assertEquals("PT24H", reset.getString("singleAccessPinValidity"));
    assertTrue(reset.getBoolean("singleAccessPinValidityIsDefault"));

    // name, time zone, Request PIN: changed and audited, by managers of the site only
    JsonObject renamed =
        api.call(
                "PATCH",
                path,
                manager,
                json(
                    "name", "Harbor Lofts", "timeZone", "Europe/Paris", "requestPinEnabled", false))
            .expect(200)
            .json();
    assertEquals("Europe/Paris", renamed.getString("timeZone"));
    assertFalse(renamed.getBoolean("requestPinEnabled"));
    String staff = api.tokenOf(api.newStaff(site.id(), "Sam", "Desk", "STAFF"));
    api.call("PATCH", path, staff, json("name", "Mine")).problem(403, "forbidden");
    Api.Site other = api.newSite(false);
    api.call("PATCH", "/api/v1/sites/" + other.id(), manager, json("name", "Mine"))
        .problem(403, "forbidden");
    JsonObject audit =
        api.get(path + "/audit-events?type=SITE_CHANGED", BOOTSTRAP).expect(200).json();
    assertEquals(3, audit.getInt("total"), audit.toString());
    assertEquals(
        "name, timeZone, requestPinEnabled",
        audit.getJsonArray("items").getJsonObject(0).getString("detail"));

    // sites list: administrators see all, a manager their own
    List<Long> managersSites =
        api.get("/api/v1/sites", manager).expect(200).array().stream()
            .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
            .toList();
    assertEquals(List.of(site.id()), managersSites);
  }

  @Test
  void theCountryMayBeCorrectedUntilTheSiteHoldsPhoneNumbers() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String path = "/api/v1/sites/" + site.id();
    api.newRecipient(site.id(), Api.unique("ana") + "@example.org", null);
    assertEquals(
        "CA",
        api.call("PATCH", path, BOOTSTRAP, json("country", "ca"))
            .expect(200)
            .json()
            .getString("country"));
    String detail =
        api.call("PATCH", path, BOOTSTRAP, json("country", "ZZ"))
            .problem(400, "invalid-request")
            .json()
            .getString("detail");
    assertTrue(detail.contains("country"), detail);
    api.newRecipient(site.id(), null, "(416) 555-0123");
    detail =
        api.call("PATCH", path, BOOTSTRAP, json("country", "US"))
            .problem(400, "invalid-request")
            .json()
            .getString("detail");
    assertTrue(detail.contains("country"), detail);
    api.call("PATCH", path, BOOTSTRAP, json("country", "CA")).expect(200);
  }

  @Test
  void anImportShowsItsFilesLinesAndItsSkippedLinesAsCsv() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String csv =
        YARDI_HEADER
            + line(1, "r0001@example.org")
            + line(2, "not-an-email")
            + line(3, "r0003@example.org")
            + line(4, "")
            + line(5, "r0005@example.org");
    JsonObject done = importAndWait(api, site.id(), csv);
    long id = done.getJsonNumber("id").longValue();
    assertEquals(5, done.getInt("totalLines"), done.toString());
    assertEquals(5, done.getInt("read"), done.toString());
    assertTrue(done.getInt("skipped") >= 1, done.toString());
    JsonObject listed =
        api.get("/api/v1/sites/" + site.id() + "/imports", BOOTSTRAP)
            .expect(200)
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals(5, listed.getInt("totalLines"));

    // what a hostile reason would look like had one reached the report
    Api.sql(
        "INSERT INTO import_line (import_id, line, moved_out, error) VALUES (?, 99, FALSE, ?)",
        id,
        "=HYPERLINK(\"http://evil\",\"click\")");
    Api.Reply errors = api.get("/api/v1/imports/" + id + "/errors.csv", BOOTSTRAP).expect(200);
    assertTrue(errors.contentType().startsWith("text/csv"), errors.contentType());
    String[] lines = errors.body().split("\r\n");
    assertEquals("line,reason", lines[0]);
    assertEquals(done.getInt("skipped") + 2, lines.length, errors.body());
    assertTrue(lines[1].startsWith("3,"), errors.body());
    assertEquals("99,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"", lines[lines.length - 1]);

    String manager = api.tokenOf(api.newStaff(site.id(), "Pat", "Manager", "PROPERTY_MANAGER"));
    api.get("/api/v1/imports/" + id + "/errors.csv", manager).expect(200);
    String staff = api.tokenOf(api.newStaff(site.id(), "Sam", "Desk", "STAFF"));
    api.get("/api/v1/imports/" + id + "/errors.csv", staff).problem(403, "forbidden");
    Api.Site other = api.newSite(false);
    String otherManager =
        api.tokenOf(api.newStaff(other.id(), "Kim", "Elsewhere", "PROPERTY_MANAGER"));
    api.get("/api/v1/imports/" + id + "/errors.csv", otherManager).problem(403, "forbidden");
    api.get("/api/v1/imports/999999999/errors.csv", BOOTSTRAP).problem(404, "not-found");
    assertEquals(404, api.get("/api/v1/imports/x/errors.csv", BOOTSTRAP).status());
    api.get("/api/v1/imports/" + id + "/errors.csv", null).problem(401, "unauthorized");
  }

  private static void assertAbout(Instant expected, Instant actual) {
    assertTrue(
        Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(1)) < 0,
        "expected about " + expected + ", was " + actual);
  }

  private static String line(int n, String email) {
    return String.format(
        "RIVERSIDE,%d,r%04d,Current,First%d,Last%d,%s,,,01/01/2024,\r\n", 100 + n, n, n, n, email);
  }

  private static JsonObject importAndWait(Api api, long site, String csv) {
    long id =
        api.postCsv(
                "/api/v1/sites/" + site + "/imports?layout=yardi&mode=incremental", BOOTSTRAP, csv)
            .expect(202)
            .json()
            .getJsonNumber("id")
            .longValue();
    long deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject status = api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json();
      if (List.of("COMPLETED", "FAILED", "STOPPED").contains(status.getString("status"))) {
        return status;
      }
      NotificationIT.pause(Duration.ofMillis(250));
    }
    throw new AssertionError("import " + id + " did not end within 90 s");
  }
}
