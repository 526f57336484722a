package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The recipient import (Jakarta Batch) through the management API, on Payara and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportIT {

  private static final String YARDI_HEADER =
      "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,Move In,Move Out\r\n";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void theSampleExportOfEachSystemIsImported() throws IOException {
    Api api = new Api(base);
    for (String layout : List.of("yardi", "onesite", "entrata", "salesforce")) {
      long site = api.newSite(false).id();
      JsonObject done = importAndWait(api, site, layout, "full", sample(layout));
      assertEquals("COMPLETED", done.getString("status"), layout + ": " + done);
      assertEquals(40, done.getInt("read"), layout);
      assertEquals(40, done.getInt("inserted") + done.getInt("skipped"), layout);
      assertEquals(done.getInt("skipped"), done.getJsonArray("errors").size(), layout);
      assertTrue(done.getInt("skipped") > 0, layout + " samples hold bad lines");
      assertEquals(0, done.getInt("updated"));
      assertEquals(0, done.getInt("movedOut"));
    }
  }

  @Test
  void badLinesAreReportedWithTheirLineAndReason() throws IOException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    JsonObject done = importAndWait(api, site, "yardi", "full", sample("yardi"));
    assertEquals("COMPLETED", done.getString("status"));
    Map<Integer, String> errors =
        done.getJsonArray("errors").stream()
            .map(v -> v.asJsonObject())
            .collect(Collectors.toMap(e -> e.getInt("line"), e -> e.getString("reason")));
    assertEquals(
        List.of(6, 7, 27, 39, 40), errors.keySet().stream().sorted().toList(), errors.toString());
    assertTrue(errors.get(6).contains("no contact"), errors.get(6));
    assertTrue(errors.get(7).contains("no name"), errors.get(7));
    assertEquals(35, done.getInt("inserted"));

    // line 3: Noah Okafor, (917) 251-3622, Current
    JsonObject noah = onlyRecipient(api, site, "t0000002");
    assertEquals("+19172513622", noah.getString("phone"));
    assertEquals("noa.2@example.org", noah.getString("email"));
    assertEquals("ACTIVE", noah.getString("status"));
    assertEquals("IMPORT", noah.getString("source"));
    // line 17: Amara Johnson, Past: recorded as moved out, and given no key
    JsonObject amara = onlyRecipient(api, site, "t0000016");
    assertEquals("MOVED_OUT", amara.getString("status"));
    assertEquals(0, keysOf(api, site, amara).size());

    // a new resident gets a PIN and a QR code, and a message announcing them
    List<JsonObject> keys = keysOf(api, site, noah);
    assertEquals(
        List.of("PIN", "QR"), keys.stream().map(k -> k.getString("type")).sorted().toList());
    assertTrue(keys.stream().allMatch(k -> k.getString("status").equals("ACTIVE")));
    JsonObject sent =
        api.get("/api/v1/sites/" + site + "/notifications?to=noa.2@example.org", BOOTSTRAP)
            .expect(200)
            .json();
    assertEquals(1, sent.getInt("total"));
    assertEquals("EMAIL", sent.getJsonArray("items").getJsonObject(0).getString("channel"));

    // the PIN opens the kiosk
    String kiosk =
        api.post("/api/v1/sites/" + site + "/kiosks", BOOTSTRAP, json("name", "Lobby"))
            .expect(201)
            .json()
            .getString("token");
    long pinKey =
        keys.stream()
            .filter(k -> k.getString("type").equals("PIN"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    String pin =
        api.get("/api/v1/access-keys/" + pinKey, BOOTSTRAP).expect(200).json().getString("pin");
    api.signIn(kiosk, "pin", pin).expect(201);
  }

  @Test
  void theSameFileAgainChangesNothing() throws IOException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    JsonObject first = importAndWait(api, site, "onesite", "full", sample("onesite"));
    assertEquals("COMPLETED", first.getString("status"), first.toString());
    JsonObject again = importAndWait(api, site, "onesite", "full", sample("onesite"));
    assertEquals("COMPLETED", again.getString("status"));
    assertEquals(0, again.getInt("inserted"));
    assertEquals(0, again.getInt("updated"));
    assertEquals(0, again.getInt("movedOut"));
    assertEquals(40 - again.getInt("skipped"), again.getInt("unchanged"));
  }

  /**
   * A line the last import applied is only counted when it comes again, but a resident changed
   * since by someone else is compared in full again: the file's line is applied anew. A changed
   * order of columns and quoting change nothing.
   */
  @Test
  void aResidentChangedSinceTheLastImportIsComparedAgain() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    JsonObject first = importAndWait(api, site, "yardi", "full", residents(1, 6, "Current"));
    assertEquals("COMPLETED", first.getString("status"), first.toString());
    assertEquals(6, first.getInt("inserted"), first.toString());
    JsonObject two = onlyRecipient(api, site, "r0002");
    String path = "/api/v1/sites/" + site + "/recipients/";
    api.call(
            "PATCH",
            path + two.getJsonNumber("id").longValue(),
            BOOTSTRAP,
            Api.json("status", "MOVED_OUT"))
        .expect(200);
    JsonObject three = onlyRecipient(api, site, "r0003");
    api.call(
            "PATCH",
            path + three.getJsonNumber("id").longValue(),
            BOOTSTRAP,
            Api.json("email", "by.hand.3@example.org"))
        .expect(200);

    // the same residents, the columns in another order and every value quoted
    StringBuilder csv =
        new StringBuilder(
            "\"Tenant Code\",\"Unit\",\"Property\",\"Status\",\"Last Name\",\"First Name\","
                + "\"Email\",\"Home Phone\",\"Cell Phone\",\"Move In\",\"Move Out\"\r\n");
    for (int n = 1; n <= 6; n++) {
      csv.append(
          String.format(
              "\"r%04d\",\"%d\",\"RIVERSIDE\",\"Current\",\"Last%d\",\"First%d\","
                  + "\"res.%d@example.org\",\"\",\"(212) 555-%04d\",\"01/01/2024\",\"\"\r\n",
              n, 100 + n, n, n, n, n));
    }
    JsonObject again = importAndWait(api, site, "yardi", "full", csv.toString());
    assertEquals("COMPLETED", again.getString("status"), again.toString());
    assertEquals(4, again.getInt("unchanged"), again.toString());
    assertEquals(2, again.getInt("updated"), "moved back in, and the email as the file says");
    assertEquals(0, again.getInt("inserted"), again.toString());
    assertEquals(0, again.getInt("movedOut"), again.toString());
    assertEquals("ACTIVE", onlyRecipient(api, site, "r0002").getString("status"));
    assertEquals("res.3@example.org", onlyRecipient(api, site, "r0003").getString("email"));

    // and those are remembered in turn: the file once more changes nobody
    JsonObject third = importAndWait(api, site, "yardi", "full", residents(1, 6, "Current"));
    assertEquals(6, third.getInt("unchanged"), third.toString());
    assertEquals(0, third.getInt("updated"), third.toString());
  }

  /**
   * A resident id on a line after one that leaves its resident unchanged is refused as on any other
   * earlier line, and the missing of a full import are still found among the rest.
   */
  @Test
  void anIdAfterAnUnchangedLineOfItIsRefusedAndTheMissingStillMoveOut() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    importAndWait(api, site, "yardi", "full", residents(1, 10, "Current"));
    String csv =
        residents(1, 9, "Current") // r0010 missing
            + line(1, "Current", "other.1@example.org") // line 11: r0001 again
            + line(11, "Current", "res.11@example.org")
            + line(5, "Current", "res.5@example.org"); // line 13: the same line as line 6
    JsonObject done = importAndWait(api, site, "yardi", "full", csv);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(12, done.getInt("read"), done.toString());
    assertEquals(9, done.getInt("unchanged"), done.toString());
    assertEquals(1, done.getInt("inserted"), done.toString());
    assertEquals(1, done.getInt("movedOut"), done.toString());
    assertEquals(2, done.getInt("skipped"), done.toString());
    JsonArray errors = done.getJsonArray("errors");
    assertEquals(11, errors.getJsonObject(0).getInt("line"), errors.toString());
    assertEquals(
        "resident id r0001 already on line 2", errors.getJsonObject(0).getString("reason"));
    assertEquals(13, errors.getJsonObject(1).getInt("line"), errors.toString());
    assertEquals(
        "resident id r0005 already on line 6", errors.getJsonObject(1).getString("reason"));
    assertEquals("res.1@example.org", onlyRecipient(api, site, "r0001").getString("email"));
    assertEquals("MOVED_OUT", onlyRecipient(api, site, "r0010").getString("status"));
    assertEquals("ACTIVE", onlyRecipient(api, site, "r0009").getString("status"));
  }

  @Test
  void aFullImportMovesOutTheMissingButRefusesASuspiciousFile() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long id = site.id();
    JsonObject first = importAndWait(api, id, "yardi", "full", residents(1, 10, "Current"));
    assertEquals(10, first.getInt("inserted"), first.toString());
    long manual = api.newRecipient(id, "manual@example.org", null);

    // five of eleven active residents missing: refused, nothing changes
    String half = residents(1, 5, "Current");
    JsonObject refused = importAndWait(api, id, "yardi", "full", half);
    assertEquals("FAILED", refused.getString("status"), refused.toString());
    assertTrue(refused.getString("failureReason").contains("suspicious"), refused.toString());
    assertTrue(
        refused.getString("failureReason").contains("5 of the site's 11"), refused.toString());
    assertEquals("ACTIVE", onlyRecipient(api, id, "r0010").getString("status"));

    // the PIN of a resident who will move out
    JsonObject leaving = onlyRecipient(api, id, "r0010");
    long pinKey =
        keysOf(api, id, leaving).stream()
            .filter(k -> k.getString("type").equals("PIN"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    String pin =
        api.get("/api/v1/access-keys/" + pinKey, BOOTSTRAP).expect(200).json().getString("pin");

    JsonObject forced = importAndWait(api, id, "yardi&force=true", "full", half);
    assertEquals("COMPLETED", forced.getString("status"), forced.toString());
    assertEquals(5, forced.getInt("movedOut"));
    assertEquals(5, forced.getInt("unchanged"));
    assertEquals("MOVED_OUT", onlyRecipient(api, id, "r0010").getString("status"));
    assertTrue(
        keysOf(api, id, leaving).stream().allMatch(k -> k.getString("status").equals("INACTIVE")));
    // each key that stopped working is audited once, naming its holder
    JsonObject deactivated =
        api.get("/api/v1/sites/" + id + "/audit-events?type=KEY_DEACTIVATED&size=100", BOOTSTRAP)
            .expect(200)
            .json();
    assertEquals(10, deactivated.getInt("total"), "a PIN and a QR code each of five residents");
    long leavingId = leaving.getJsonNumber("id").longValue();
    assertEquals(
        keysOf(api, id, leaving).stream()
            .map(k -> k.getJsonNumber("id").longValue())
            .sorted()
            .toList(),
        deactivated.getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> e.getJsonNumber("holderId").longValue() == leavingId)
            .map(e -> e.getJsonNumber("keyId").longValue())
            .sorted()
            .toList());
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
    // created by hand: never moved out by an import
    assertEquals(
        "ACTIVE",
        api.get("/api/v1/sites/" + id + "/recipients/" + manual, BOOTSTRAP)
            .expect(200)
            .json()
            .getString("status"));

    // a changed email and a resident whose status says they left
    String changes =
        YARDI_HEADER
            + line(1, "Current", "new.1@example.org")
            + line(2, "Past", "res.2@example.org")
            + line(3, "Current", "res.3@example.org")
            + line(4, "Current", "res.4@example.org")
            + line(5, "Notice", "res.5@example.org");
    JsonObject next = importAndWait(api, id, "yardi", "full", changes);
    assertEquals("COMPLETED", next.getString("status"), next.toString());
    assertEquals(1, next.getInt("updated"));
    assertEquals(1, next.getInt("movedOut"));
    assertEquals(3, next.getInt("unchanged"));
    assertEquals("new.1@example.org", onlyRecipient(api, id, "r0001").getString("email"));
    assertEquals("MOVED_OUT", onlyRecipient(api, id, "r0002").getString("status"));
  }

  @Test
  void anIncrementalImportMovesNobodyOutForBeingAbsent() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    importAndWait(api, site, "yardi", "full", residents(1, 6, "Current"));
    JsonObject done =
        importAndWait(
            api,
            site,
            "yardi",
            "incremental",
            YARDI_HEADER + line(7, "Current", "res.7@example.org"));
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(1, done.getInt("inserted"));
    assertEquals(0, done.getInt("movedOut"));
    assertEquals(
        7,
        api.get("/api/v1/sites/" + site + "/recipients?status=ACTIVE", BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total"));
  }

  @Test
  void aResidentIdTwiceInAFileIsReported() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    JsonObject done =
        importAndWait(
            api,
            site,
            "yardi",
            "full",
            YARDI_HEADER
                + line(1, "Current", "a@example.org")
                + line(1, "Current", "b@example.org"));
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(1, done.getInt("inserted"), done.toString());
    assertEquals(1, done.getInt("skipped"));
    JsonObject error = done.getJsonArray("errors").getJsonObject(0);
    assertEquals(3, error.getInt("line"));
    assertTrue(error.getString("reason").contains("already on line 2"), error.toString());
  }

  /**
   * One import of a site runs at a time, the oldest first: two imports started while another one of
   * the site runs (here an import that another instance runs, as its row and the site's turn say)
   * wait for it, showing STARTING and the import they wait for, and read nothing; once it has ended
   * the older of the two runs, then the newer, which compares its file with what the first left. A
   * new site's first two imports, started at once, never overlap either.
   */
  @Test
  void importsOfOneSiteRunOneAfterTheOther() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    importAndWait(api, site, "yardi", "incremental", residents(1, 10, "Current"));
    long other = ImportRows.runningElsewhere(site);

    long first = start(api, site, "yardi", "incremental", residents(11, 2000, "Current"));
    long second = start(api, site, "yardi&force=true", "full", residents(11, 2000, "Current"));
    for (long id : List.of(first, second)) {
      JsonObject waiting = waitUntilWaiting(api, id);
      assertEquals("STARTING", waiting.getString("status"), waiting.toString());
      assertEquals(other, waiting.getJsonNumber("waitingFor").longValue(), waiting.toString());
      assertEquals(0, waiting.getInt("read"), waiting.toString());
    }
    ImportRows.endElsewhere(other);

    List<JsonObject> ended = inTurn(api, first, second);
    assertEquals("COMPLETED", ended.get(0).getString("status"), ended.get(0).toString());
    assertEquals(1990, ended.get(0).getInt("inserted"), ended.get(0).toString());
    assertEquals("COMPLETED", ended.get(1).getString("status"), ended.get(1).toString());
    assertEquals(1990, ended.get(1).getInt("unchanged"), "after the first: " + ended.get(1));
    assertEquals(0, ended.get(1).getInt("inserted"), ended.get(1).toString());
    assertEquals(10, ended.get(1).getInt("movedOut"), ended.get(1).toString());
    assertEquals("MOVED_OUT", onlyRecipient(api, site, "r0010").getString("status"));

    // a new site's first imports, at once
    long fresh = api.newSite(false).id();
    long a = start(api, fresh, "yardi", "incremental", residents(1, 1500, "Current"));
    long b = start(api, fresh, "yardi", "incremental", residents(1, 1500, "Current"));
    List<JsonObject> both = inTurn(api, a, b);
    assertEquals(1500, both.get(0).getInt("inserted"), both.get(0).toString());
    assertEquals(1500, both.get(1).getInt("unchanged"), both.get(1).toString());
  }

  /**
   * A run that waits for its site's turn and loses its import meanwhile (another instance took it
   * over: its row counts a newer run and names that instance) ends without touching the row, which
   * is the other run's.
   */
  @Test
  void aWaitingRunThatLostItsImportLeavesItsRowAlone() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    importAndWait(api, site, "yardi", "incremental", residents(1, 2, "Current"));
    long other = ImportRows.runningElsewhere(site);
    long id = start(api, site, "yardi", "incremental", residents(3, 4, "Current"));
    waitUntilWaiting(api, id);

    // as another instance's takeover leaves it: a new run counted, the row named after it
    sql(
        "UPDATE recipient_import SET run_owner = 'server@taken-over.example', runs = runs + 1,"
            + " heartbeat_at = now() - interval '1 minute' WHERE id = ?",
        id);
    pause(4_000); // several looks for the turn
    try {
      assertEquals(
          1,
          count(
              "SELECT COUNT(*) FROM recipient_import WHERE id = ? AND status = 'STARTED'"
                  + " AND failure_reason IS NULL AND run_owner = 'server@taken-over.example'"
                  + " AND heartbeat_at < now() - interval '50 seconds' AND read_count = 0"
                  + " AND runs = 2",
              id),
          "the row is as the other instance left it");
    } finally {
      // nobody runs it now: ended, as the other instance would have it
      sql("UPDATE recipient_import SET status = 'FAILED', finished_at = now() WHERE id = ?", id);
      ImportRows.endElsewhere(other);
    }
  }

  /**
   * A run that goes on after another instance took its import over between two of its chunks (its
   * server paused past spr.import.resume-after, say) stops at its next chunk, before it changes
   * anything: no recipient, no count, nothing written to the import's row, which is the newer
   * run's, and its file and lines stay for that run. A chunk under way holds the row: the takeover
   * waits for it.
   */
  @Test
  void aRunTakenOverBetweenTwoChunksStopsBeforeItsNextOne() throws SQLException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    long id = start(api, site, "yardi", "incremental", residents(1, 5000, "Current"));
    long deadline = System.currentTimeMillis() + 60_000;
    while (!"apply".equals(stepOf(api, id))) {
      assertTrue(System.currentTimeMillis() < deadline, "never applied: " + stepOf(api, id));
      pause(20);
    }
    long inserted;
    try (Connection takeover = db()) {
      takeover.setAutoCommit(false);
      // granted once the chunk under way has committed; the run's next chunk then waits for it
      try (PreparedStatement hold =
          takeover.prepareStatement("SELECT runs FROM recipient_import WHERE id = ? FOR UPDATE")) {
        hold.setLong(1, id);
        hold.executeQuery().close();
      }
      // another instance's takeover, as it leaves the row: a newer run counted, named after it
      try (PreparedStatement take =
          takeover.prepareStatement(
              "UPDATE recipient_import SET run_owner = 'server@taken-over.example',"
                  + " runs = runs + 1, heartbeat_at = now() WHERE id = ? RETURNING inserted_count")) {
        take.setLong(1, id);
        try (ResultSet row = take.executeQuery()) {
          row.next();
          inserted = row.getLong(1);
        }
      }
      takeover.commit();
    }
    pause(5_000);
    try {
      assertTrue(inserted < 5000, "taken over before its last chunk: " + inserted);
      assertEquals(
          1,
          count(
              "SELECT COUNT(*) FROM recipient_import WHERE id = ? AND status = 'STARTED'"
                  + " AND failure_reason IS NULL AND run_owner = 'server@taken-over.example'"
                  + " AND inserted_count = "
                  + inserted
                  + " AND runs = 2 AND read_count = 5000",
              id),
          "the row is as the takeover left it: "
              + api.get("/api/v1/imports/" + id, BOOTSTRAP).body());
      assertEquals(
          inserted,
          count("SELECT COUNT(*) FROM recipient WHERE site_id = ?", site),
          "nothing after the takeover lasted");
      assertTrue(
          count("SELECT COUNT(*) FROM import_file_chunk WHERE import_id = ?", id) > 0,
          "the file stays for the newer run");
      assertEquals(
          5000,
          count("SELECT COUNT(*) FROM import_line WHERE import_id = ?", id),
          "the lines read stay for the newer run");
    } finally {
      sql("UPDATE recipient_import SET status = 'FAILED', finished_at = now() WHERE id = ?", id);
    }
  }

  private static String stepOf(Api api, long id) {
    JsonObject status = api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json();
    return status.containsKey("step") ? status.getString("step") : status.getString("status");
  }

  /**
   * A site has at most 10 imports waiting or running (spr.import.max-unfinished-per-site): of 30
   * uploads at once while one runs, exactly 9 are taken and the others refused 429 with nothing
   * kept; a restart is refused alike; once they have run, uploads are taken again.
   */
  @Test
  void aSiteTakesNoMoreUploadsThanItMayHaveWaiting() throws Exception {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    importAndWait(api, site, "yardi", "full", residents(1, 10, "Current"));
    // a file that would move out nine of ten residents: FAILED as suspicious, restartable
    JsonObject suspicious = importAndWait(api, site, "yardi", "full", residents(1, 1, "Current"));
    assertEquals("FAILED", suspicious.getString("status"), suspicious.toString());
    long failed = suspicious.getJsonNumber("id").longValue();
    long other = ImportRows.runningElsewhere(site);
    String path = "/api/v1/sites/" + site + "/imports?layout=yardi&mode=incremental";
    String csv = residents(1, 3, "Current");
    ExecutorService uploaders = Executors.newFixedThreadPool(30);
    List<Api.Reply> replies = new ArrayList<>();
    try {
      List<Future<Api.Reply>> sent = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        sent.add(uploaders.submit(() -> api.postCsv(path, BOOTSTRAP, csv)));
      }
      for (Future<Api.Reply> reply : sent) {
        replies.add(reply.get(60, TimeUnit.SECONDS));
      }
    } finally {
      uploaders.shutdownNow();
    }
    List<Long> taken = new ArrayList<>();
    for (Api.Reply reply : replies) {
      if (reply.status() == 202) {
        taken.add(reply.json().getJsonNumber("id").longValue());
      } else {
        reply.problem(429, "too-many-imports");
        assertTrue(reply.json().getString("detail").contains("10 imports waiting or running"));
        assertTrue(reply.raw().headers().firstValue("Retry-After").isPresent(), reply.body());
      }
    }
    try {
      assertEquals(9, taken.size(), "taken while one runs: " + taken);
      assertEquals(
          12, // the two before, the one running elsewhere and the 9 taken: none of the refused
          api.get("/api/v1/sites/" + site + "/imports?size=100", BOOTSTRAP)
              .expect(200)
              .json()
              .getInt("total"));
      api.post("/api/v1/imports/" + failed + "/restart", BOOTSTRAP, null)
          .problem(429, "too-many-imports");
    } finally {
      ImportRows.endElsewhere(other);
    }
    for (long id : taken) {
      assertEquals("COMPLETED", waitFor(api, id).getString("status"));
    }
    start(api, site, "yardi", "incremental", csv);
  }

  /** A statement of one id, straight to the database. */
  private static void sql(String statement, long id) {
    try (Connection db = db();
        PreparedStatement update = db.prepareStatement(statement)) {
      update.setLong(1, id);
      assertEquals(1, update.executeUpdate(), statement);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Polls an import until it waits for its site's turn. */
  private static JsonObject waitUntilWaiting(Api api, long id) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject status = api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json();
      if (status.containsKey("waitingFor")) {
        return status;
      }
      pause(100);
    }
    throw new AssertionError("import " + id + " never showed whom it waits for");
  }

  /**
   * Polls two imports of a site until both have ended, checking at every look that the later one
   * has read nothing while the earlier one had not ended; both as they ended.
   */
  private static List<JsonObject> inTurn(Api api, long earlier, long later) {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      // the later one first: if it has read, the earlier one must have ended before this look
      JsonObject second = api.get("/api/v1/imports/" + later, BOOTSTRAP).expect(200).json();
      JsonObject first = api.get("/api/v1/imports/" + earlier, BOOTSTRAP).expect(200).json();
      boolean firstEnded = first.get("finishedAt") instanceof JsonString;
      if (second.getInt("read") > 0 || second.get("finishedAt") instanceof JsonString) {
        assertTrue(firstEnded, "ran at once: " + first + " and " + second);
      }
      if (firstEnded && second.get("finishedAt") instanceof JsonString) {
        return List.of(first, second);
      }
      pause(50);
    }
    throw new AssertionError("imports " + earlier + " and " + later + " did not end in 120 s");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A read stopped half-way and resumed (on any instance) still refuses a line whose resident id a
   * line stored before the stop holds: the resumed run knows the ids read before it.
   */
  @Test
  void aResumedReadStillRefusesAnIdReadBeforeTheStop() throws IOException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    StringBuilder csv = new StringBuilder(residents(1, 8, "Current"));
    csv.append(line(2, "Current", "again.2@example.org"));
    Path file = Files.createTempFile("spr-it-import", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    // lines 2 to 6 (residents 1 to 5) stored before the server stopped, nothing applied
    long id =
        interruptedImport(
            site,
            file,
            null,
            5,
            0,
            (db, importId) -> {
              for (int n = 1; n <= 5; n++) {
                storedLine(db, importId, n, "res." + n + "@example.org", false);
              }
            });

    JsonObject done = waitFor(api, id);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(9, done.getInt("read"), done.toString());
    assertEquals(8, done.getInt("inserted"), done.toString());
    assertEquals(1, done.getInt("skipped"), done.toString());
    JsonObject error = done.getJsonArray("errors").getJsonObject(0);
    assertEquals(10, error.getInt("line"), error.toString());
    assertTrue(error.getString("reason").contains("r0002 already on line 3"), error.toString());
    assertEquals("res.2@example.org", onlyRecipient(api, site, "r0002").getString("email"));
  }

  /** A value of a megabyte is not buffered: its line is skipped and reported, the rest imported. */
  @Test
  void aFileThatIsNotCsvFurtherOnFailsNamingTheLineAndLeavesTheDatabaseConnectionsWell() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    // some 1.5 MB of good lines after the bad one (the tests' uploads take 2 MB at most): the read
    // stops with a chunk of the file unread
    StringBuilder csv =
        new StringBuilder(YARDI_HEADER)
            .append(line(1, "Current", "a@example.org"))
            .append("RIVERSIDE,102,r0002,Current,\"First\"x,Last2,b@example.org,,,,\r\n");
    for (int n = 3; n < 18_000; n++) {
      csv.append(line(n, "Current", "r" + n + "@example.org"));
    }
    JsonObject failed = importAndWait(api, site, "yardi", "full", csv.toString());
    assertEquals("FAILED", failed.getString("status"), failed.toString());
    assertTrue(
        failed.getString("failureReason").contains("not valid CSV near line 3"), failed.toString());
    // the connection that read the file went back to the pool fit for the next user
    for (int i = 0; i < 200; i++) {
      api.get("/api/v1/imports/" + failed.getJsonNumber("id").longValue(), BOOTSTRAP).expect(200);
    }
    JsonObject done = importAndWait(api, site, "yardi", "full", residents(1, 3, "Current"));
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(3, done.getInt("inserted"), done.toString());
  }

  @Test
  void aLineWithAnOversizedValueIsSkippedAndReported() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    String huge = "\"" + "x".repeat(1_000_000) + "\"";
    JsonObject done =
        importAndWait(
            api,
            site,
            "yardi",
            "full",
            YARDI_HEADER
                + line(1, "Current", "a@example.org")
                + line(2, "Current", huge)
                + line(3, "Current", "c@example.org"));
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(2, done.getInt("inserted"), done.toString());
    assertEquals(1, done.getInt("skipped"));
    JsonObject error = done.getJsonArray("errors").getJsonObject(0);
    assertEquals(3, error.getInt("line"));
    assertTrue(error.getString("reason").contains("longer than 10000"), error.toString());
  }

  @Test
  void badRequestsAreRefusedClearly() throws IOException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    String path = "/api/v1/sites/" + site + "/imports";
    String csv = residents(1, 2, "Current");
    api.postCsv(path + "?layout=appfolio", BOOTSTRAP, csv).problem(400, "invalid-request");
    api.postCsv(path, BOOTSTRAP, csv).problem(400, "invalid-request");
    api.postCsv(path + "?layout=yardi&mode=sometimes", BOOTSTRAP, csv)
        .problem(400, "invalid-request");
    api.postCsv(path + "?layout=yardi&force=perhaps", BOOTSTRAP, csv)
        .problem(400, "invalid-request");
    String wrong =
        api.postCsv(path + "?layout=yardi", BOOTSTRAP, sample("onesite"))
            .problem(422, "invalid-file")
            .json()
            .getString("detail");
    assertTrue(wrong.contains("Tenant Code"), wrong);
    api.postCsv(path + "?layout=yardi", BOOTSTRAP, "").problem(422, "invalid-file");
    // a header line of a million commas: refused, not read into a million column names
    String wide =
        api.postCsv(path + "?layout=yardi", BOOTSTRAP, ",".repeat(1_000_000) + "\n" + csv)
            .problem(422, "invalid-file")
            .json()
            .getString("detail");
    assertTrue(wide.contains("more than 1000 columns"), wide);
    api.post(path + "?layout=yardi", BOOTSTRAP, "{}").problem(415, "unsupported-media-type");
    api.postCsv(path + "?layout=yardi", null, csv).problem(401, "unauthorized");
    api.postCsv("/api/v1/sites/999999999/imports?layout=yardi", BOOTSTRAP, csv)
        .problem(404, "not-found");
    api.get("/api/v1/imports/999999999", BOOTSTRAP).problem(404, "not-found");

    // front-desk staff do not import; nobody sees another site's imports
    long other = api.newSite(false).id();
    long theirs = start(api, other, "yardi", "full", csv);
    String staffToken = staffToken(api, site, "STAFF");
    api.postCsv(path + "?layout=yardi", staffToken, csv).problem(403, "forbidden");
    String managerToken = staffToken(api, site, "PROPERTY_MANAGER");
    api.get("/api/v1/imports/" + theirs, managerToken).problem(403, "forbidden");
    long mine = start(api, site, "yardi", "full", csv);
    api.get("/api/v1/imports/" + mine, managerToken).expect(200);
    assertFalse(
        api.get("/api/v1/sites/" + site + "/imports", managerToken)
            .expect(200)
            .json()
            .getJsonArray("items")
            .isEmpty());
  }

  // --- helpers

  @Test
  void aSiteDefinesAColumnMappingAndImportsAFileByIt() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    String mappings = "/api/v1/sites/" + site + "/import-mappings";
    String mapping =
        "{\"columns\":{\"externalId\":\"Resident ID\",\"unit\":\"Apartment\","
            + "\"firstName\":\"Given\",\"lastName\":\"Family\",\"email\":\"E-mail\","
            + "\"mobilePhone\":\"Mobile\",\"status\":\"State\"},"
            + "\"currentStatuses\":[\"Living\",\"Arriving\"],\"formerStatuses\":[\"Gone\"]}";
    JsonObject saved =
        api.call("PUT", mappings + "/tenants", BOOTSTRAP, mapping).expect(201).json();
    assertEquals("tenants", saved.getString("name"));
    assertEquals("Apartment", saved.getJsonObject("columns").getString("unit"));
    api.call("PUT", mappings + "/tenants", BOOTSTRAP, mapping).expect(200);
    assertEquals(1, api.get(mappings, BOOTSTRAP).expect(200).array().size());

    String csv =
        "Resident ID,Apartment,Given,Family,E-mail,Mobile,State\r\n"
            + "x1,101,Ana,Alves,ana@example.org,,Living\r\n"
            + "x2,102,Bo,Berg,,(212) 555-0143,arriving\r\n"
            + "x3,103,Cy,Cole,cy@example.org,,Gone\r\n"
            + "x4,104,Di,Dahl,di@example.org,,Away\r\n";
    JsonObject done = importAndWait(api, site, "tenants", "incremental", csv);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(4, done.getInt("read"));
    assertEquals(3, done.getInt("inserted"));
    assertEquals(1, done.getInt("skipped"));
    assertTrue(
        done.getJsonArray("errors").getJsonObject(0).getString("reason").contains("Away"),
        done.toString());
    assertEquals("MOVED_OUT", onlyRecipient(api, site, "x3").getString("status"));
    assertEquals("+12125550143", onlyRecipient(api, site, "x2").getString("phone"));

    // a file without the mapping's columns, a mapping that could not work, and names in use
    assertTrue(
        api.postCsv("/api/v1/sites/" + site + "/imports?layout=tenants", BOOTSTRAP, YARDI_HEADER)
            .problem(422, "invalid-file")
            .json()
            .getString("detail")
            .contains("Resident ID"));
    assertTrue(
        api.call("PUT", mappings + "/broken", BOOTSTRAP, "{\"columns\":{\"unit\":\"U\"}}")
            .problem(400, "invalid-request")
            .json()
            .getString("detail")
            .contains("externalId"));
    api.call("PUT", mappings + "/yardi", BOOTSTRAP, mapping).problem(400, "invalid-request");
    api.call("PUT", mappings + "/Not%20A%20Name", BOOTSTRAP, mapping)
        .problem(400, "invalid-request");
    api.get(mappings, staffToken(api, api.newSite(false).id(), "PROPERTY_MANAGER"))
        .problem(403, "forbidden");

    api.call("DELETE", mappings + "/tenants", BOOTSTRAP, null).expect(204);
    api.get(mappings + "/tenants", BOOTSTRAP).problem(404, "not-found");
    api.postCsv("/api/v1/sites/" + site + "/imports?layout=tenants", BOOTSTRAP, csv)
        .problem(400, "invalid-request");
  }

  @Test
  void aFailedImportIsRestartedWhereItStopped() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    JsonObject refused = suspiciousImport(api, site);
    long id = refused.getJsonNumber("id").longValue();
    String restart = "/api/v1/imports/" + id + "/restart";
    // the file waits in the database, where any instance can read it
    assertTrue(fileChunks(id) > 0, "the failed import's file is kept");

    // checked before anything runs: a bad flag, another site's manager, an unknown import
    api.post(restart + "?force=maybe", BOOTSTRAP, "").problem(400, "invalid-request");
    api.post(restart, staffToken(api, api.newSite(false).id(), "PROPERTY_MANAGER"), "")
        .problem(403, "forbidden");
    api.post("/api/v1/imports/987654321/restart", BOOTSTRAP, "").problem(404, "not-found");

    // the suspicious file, accepted this time: the run goes on and forgets the old reason
    JsonObject accepted = api.post(restart + "?force=true", BOOTSTRAP, "").expect(202).json();
    assertEquals(id, accepted.getJsonNumber("id").longValue());
    JsonObject done = waitFor(api, id);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertFalse(
        done.containsKey("failureReason") && !done.isNull("failureReason"), done.toString());
    assertEquals(5, done.getInt("read"), "lines read once, not twice: " + done);
    assertEquals(5, done.getInt("unchanged"));
    assertEquals(5, done.getInt("movedOut"));
    assertEquals(2, done.getInt("runs"));
    assertEquals("MOVED_OUT", onlyRecipient(api, site, "r0010").getString("status"));
    assertEquals(0, fileChunks(id), "a completed import's file is removed");

    // a completed import has nothing left to do
    assertTrue(
        api.post(restart, BOOTSTRAP, "")
            .problem(409, "import-not-restartable")
            .json()
            .getString("detail")
            .contains("COMPLETED"));
  }

  /**
   * A failed import keeps its file and the lines it read for a restart, but not for ever: once it
   * ended spr.import.keep-unfinished ago (30 days; here its end is moved back in the database) they
   * are removed, the lines it refused stay for its report, and a restart is refused. A younger
   * failed import keeps everything.
   */
  @Test
  void aFailedImportKeepsItsFileAndLinesForAWhileOnly() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    importAndWait(api, site, "yardi", "full", residents(1, 10, "Current"));
    // four residents, one refused line, five missing: refused as suspicious
    String file =
        residents(1, 3, "Current")
            + line(4, "Current", "new.4@example.org")
            + line(5, "Current", "not-an-email");
    JsonObject old = importAndWait(api, site, "yardi", "full", file);
    JsonObject young = importAndWait(api, site, "yardi", "full", file);
    for (JsonObject failed : List.of(old, young)) {
      assertEquals("FAILED", failed.getString("status"), failed.toString());
      assertEquals(1, failed.getInt("skipped"), failed.toString());
    }
    long oldId = old.getJsonNumber("id").longValue();
    long youngId = young.getJsonNumber("id").longValue();
    for (long id : List.of(oldId, youngId)) {
      assertTrue(fileChunks(id) > 0, "the file is kept for a restart");
      assertTrue(keptRows(id) > 0, "the lines read and the residents missing are kept");
    }

    ended31DaysAgo(oldId);
    long deadline = System.currentTimeMillis() + 30_000;
    while (fileChunks(oldId) + keptRows(oldId) > 0 && System.currentTimeMillis() < deadline) {
      pause(250);
    }
    assertEquals(0, fileChunks(oldId), "the old import's file is removed");
    assertEquals(0, keptRows(oldId), "and the residents' lines read from it");
    JsonObject report = api.get("/api/v1/imports/" + oldId, BOOTSTRAP).expect(200).json();
    assertEquals("FAILED", report.getString("status"));
    assertEquals(1, report.getJsonArray("errors").size(), "the refused line stays: " + report);
    assertTrue(
        api.post("/api/v1/imports/" + oldId + "/restart?force=true", BOOTSTRAP, "")
            .problem(409, "import-not-restartable")
            .json()
            .getString("detail")
            .contains("no longer kept"));

    assertTrue(fileChunks(youngId) > 0, "a younger failed import keeps its file");
    assertTrue(keptRows(youngId) > 0, "and its lines");
    api.post("/api/v1/imports/" + youngId + "/restart?force=true", BOOTSTRAP, "").expect(202);
    JsonObject done = waitFor(api, youngId);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(5, done.getInt("movedOut"), done.toString());
  }

  /** The good lines and the unseen residents an import keeps in the database. */
  private static long keptRows(long importId) {
    return count("SELECT COUNT(*) FROM import_line WHERE import_id = ? AND error IS NULL", importId)
        + count("SELECT COUNT(*) FROM import_unseen WHERE import_id = ?", importId);
  }

  private static void ended31DaysAgo(long importId) {
    sql(
        "UPDATE recipient_import SET finished_at = now() - interval '31 days' WHERE id = ?",
        importId);
  }

  /**
   * The same files imported at two sites, one as it comes and one with every recipient's remembered
   * line forgotten before each import (so every line is checked and compared in full, as before
   * fingerprints): the counts, the refused lines, the recipients and their working keys agree after
   * each import. The files change names, contacts and statuses, leave residents out and bring them
   * back, repeat a line, carry a bad one; between imports the same change is made by hand at both
   * sites.
   */
  @Test
  void linesTakenAsUnchangedUnreadLeaveWhatAFullComparisonLeaves() {
    Api api = new Api(base);
    long fast = api.newSite(false).id();
    long full = api.newSite(false).id();
    String base = residents(1, 12, "Current");
    StringBuilder second = new StringBuilder(YARDI_HEADER);
    for (int n = 1; n <= 11; n++) { // r0012 left out
      second.append(
          n == 5
              ? line(5, "Current", "changed.5@example.org")
              : line(n, n == 6 ? "Past" : "Current", "res." + n + "@example.org"));
    }
    second.append(line(13, "Current", "res.13@example.org"));
    second.append(line(2, "Current", "res.2@example.org")); // the same line again
    second.append("RIVERSIDE,,r0014,Current,First14,Last14,res.14@example.org,,,,\r\n"); // no unit
    String third = residents(1, 12, "Current"); // r0013 left out, r0006 and r0012 back
    String incremental = YARDI_HEADER + line(7, "Current", "changed.7@example.org");
    String[][] runs = {
      {"full", base},
      {"full", second.toString()},
      {"full", third},
      {"incremental", incremental},
      {"full", third}
    };
    for (int run = 0; run < runs.length; run++) {
      if (run == 1) {
        for (long site : new long[] {fast, full}) {
          long three = onlyRecipient(api, site, "r0003").getJsonNumber("id").longValue();
          api.call(
                  "PATCH",
                  "/api/v1/sites/" + site + "/recipients/" + three,
                  BOOTSTRAP,
                  json("email", "hand.3@example.org"))
              .expect(200);
          long four = onlyRecipient(api, site, "r0004").getJsonNumber("id").longValue();
          api.call(
                  "PATCH",
                  "/api/v1/sites/" + site + "/recipients/" + four,
                  BOOTSTRAP,
                  json("status", "MOVED_OUT"))
              .expect(200);
        }
      }
      if (run > 0) {
        // the first site's recipients remember their lines: its import takes those unread
        assertTrue(rememberedLines(fast) >= 10, "remembered: " + rememberedLines(fast));
      }
      JsonObject a = importAndWait(api, fast, "yardi", runs[run][0], runs[run][1]);
      forgetRememberedLines(full);
      JsonObject b = importAndWait(api, full, "yardi", runs[run][0], runs[run][1]);
      String what = "import " + (run + 1) + ": " + a + " / " + b;
      assertEquals("COMPLETED", a.getString("status"), what);
      for (String count :
          List.of("read", "inserted", "updated", "unchanged", "movedOut", "skipped")) {
        assertEquals(b.getInt(count), a.getInt(count), count + " of " + what);
      }
      assertEquals(b.getJsonArray("errors"), a.getJsonArray("errors"), what);
      assertEquals(siteState(full), siteState(fast), what);
    }
  }

  /** How many recipients of the site remember the line last applied to them, unchanged since. */
  private static long rememberedLines(long site) {
    return count(
        "SELECT COUNT(*) FROM recipient WHERE site_id = ? AND import_hash IS NOT NULL"
            + " AND import_version = version",
        site);
  }

  /** Forgets every recipient's remembered line at the site: its next import compares in full. */
  private static void forgetRememberedLines(long site) {
    try (Connection db = db();
        PreparedStatement forget =
            db.prepareStatement("UPDATE recipient SET import_hash = NULL WHERE site_id = ?")) {
      forget.setLong(1, site);
      forget.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** The site's recipients as a person would compare them, with their working keys counted. */
  private static List<String> siteState(long site) {
    List<String> state = new java.util.ArrayList<>();
    try (Connection db = db();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT r.external_id, r.first_name, r.last_name, r.unit, r.email, r.phone,"
                    + " r.status, r.source, (SELECT COUNT(*) FROM access_key k"
                    + " WHERE k.holder_kind = 'RECIPIENT' AND k.holder_id = r.id"
                    + " AND k.status = 'ACTIVE') FROM recipient r WHERE r.site_id = ?"
                    + " ORDER BY r.external_id")) {
      query.setLong(1, site);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          StringBuilder one = new StringBuilder();
          for (int i = 1; i <= 9; i++) {
            one.append(row.getString(i)).append('|');
          }
          state.add(one.toString());
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return state;
  }

  /**
   * A failed import restarted later, before it applied anything, compares its file with the
   * residents as they are then: its lines are read again, not taken as unchanged against the
   * residents as they were when it first read them.
   */
  @Test
  void aRestartedImportComparesWithTheResidentsAsTheyAreNow() {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    JsonObject refused = suspiciousImport(api, site);
    assertEquals(5, refused.getInt("unchanged"), refused.toString());
    // meanwhile someone changes a resident the file leaves as it was
    long one = onlyRecipient(api, site, "r0001").getJsonNumber("id").longValue();
    api.call(
            "PATCH",
            "/api/v1/sites/" + site + "/recipients/" + one,
            BOOTSTRAP,
            json("email", "meanwhile.1@example.org"))
        .expect(200);

    long id = refused.getJsonNumber("id").longValue();
    api.post("/api/v1/imports/" + id + "/restart?force=true", BOOTSTRAP, "").expect(202);
    JsonObject done = waitFor(api, id);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(5, done.getInt("read"), done.toString());
    assertEquals(1, done.getInt("updated"), done.toString());
    assertEquals(4, done.getInt("unchanged"), done.toString());
    assertEquals(5, done.getInt("movedOut"), done.toString());
    assertEquals("res.1@example.org", onlyRecipient(api, site, "r0001").getString("email"));
  }

  /**
   * A server stopped half-way through applying a file (simulated in the database: the row says
   * STARTED, its instance is gone, the file was read and its first two lines applied). Another
   * instance takes the import over and finishes it: every line applied once, none lost.
   */
  @Test
  void anImportWhoseServerStoppedIsResumedWithNothingLostOrDoubled() throws IOException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    importAndWait(api, site, "yardi", "full", residents(1, 10, "Current"));

    // the file: residents 1 to 14, resident 3 with a new email
    StringBuilder csv = new StringBuilder(YARDI_HEADER);
    for (int n = 1; n <= 14; n++) {
      csv.append(line(n, "Current", n == 3 ? "new.3@example.org" : "res." + n + "@example.org"));
    }
    Path file = Files.createTempFile("spr-it-import", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    // read and checked; lines of r1, r2 applied; the lines go in with the import, in one
    // transaction, or the resumer could take the import up with half of them
    long id =
        interruptedImport(
            site,
            file,
            "check",
            14,
            2,
            (db, importId) -> {
              for (int n = 1; n <= 14; n++) {
                storedLine(
                    db,
                    importId,
                    n,
                    n == 3 ? "new.3@example.org" : "res." + n + "@example.org",
                    n <= 2);
              }
            });

    JsonObject done = waitFor(api, id);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(14, done.getInt("read"), done.toString());
    assertEquals(4, done.getInt("inserted"), done.toString());
    assertEquals(1, done.getInt("updated"), done.toString());
    assertEquals(9, done.getInt("unchanged"), "r1 and r2 were not applied again: " + done);
    assertEquals(0, done.getInt("movedOut"), done.toString());
    assertEquals(2, done.getInt("runs"));
    assertEquals("new.3@example.org", onlyRecipient(api, site, "r0003").getString("email"));
    for (int n = 11; n <= 14; n++) {
      JsonObject resident = onlyRecipient(api, site, String.format("r%04d", n));
      assertEquals(
          List.of("PIN", "QR"),
          keysOf(api, site, resident).stream().map(k -> k.getString("type")).sorted().toList(),
          "one PIN and one QR code each");
    }
    assertFalse(Files.exists(file), "the file is deleted once the import completed");
  }

  /**
   * Stopped in its clean-up (its good lines already forgotten, its file gone): the resumed run must
   * not take every resident for missing from the file.
   */
  @Test
  void anImportStoppedInItsCleanUpMovesNobodyOut() throws IOException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    JsonObject first = importAndWait(api, site, "yardi", "full", residents(1, 6, "Current"));
    assertEquals("COMPLETED", first.getString("status"), first.toString());
    assertEquals(6, first.getInt("inserted"), first.toString());
    Path gone = Files.createTempFile("spr-it-import", ".csv");
    Files.delete(gone);
    long id = interruptedImport(site, gone, "move-out", 6, 6, (db, importId) -> {});

    JsonObject done = waitFor(api, id);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(0, done.getInt("movedOut"), done.toString());
    assertEquals(6, done.getInt("unchanged"), done.toString());
    assertEquals("ACTIVE", onlyRecipient(api, site, "r0001").getString("status"));
    assertEquals("ACTIVE", onlyRecipient(api, site, "r0006").getString("status"));
  }

  /**
   * The daily import (spr.import.schedule is 00:00 here, so it is due at once): the files dropped
   * into the site's folder are imported, each as its name says; a file of no known layout is a
   * FAILED import that says why. Once a site's day has run, a file dropped later waits.
   */
  @Test
  void theDailyImportTakesTheFilesDroppedForTheSite() throws IOException, InterruptedException {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    Path folder = Path.of(System.getProperty("spr.it.drop"), "site-" + site);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("yardi.csv"), residents(1, 4, "Current"));
    Files.writeString(folder.resolve("tenants.incremental.csv"), "a,b\r\n1,2\r\n");
    // a link to a file elsewhere is never followed, however well it is named
    Path elsewhere = Files.createTempFile("not-for-import", ".csv");
    Files.writeString(elsewhere, residents(50, 52, "Current"));
    Files.createSymbolicLink(folder.resolve("onesite.csv"), elsewhere);

    List<JsonObject> imports = List.of();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      imports =
          api
              .get("/api/v1/sites/" + site + "/imports", BOOTSTRAP)
              .expect(200)
              .json()
              .getJsonArray("items")
              .stream()
              .map(v -> v.asJsonObject())
              .toList();
      if (imports.size() == 2
          && imports.stream()
              .allMatch(i -> List.of("COMPLETED", "FAILED").contains(i.getString("status")))) {
        break;
      }
      Thread.sleep(250);
    }
    assertEquals(2, imports.size(), imports.toString());
    JsonObject yardi =
        imports.stream()
            .filter(i -> i.getString("layout").equals("yardi"))
            .findFirst()
            .orElseThrow();
    assertEquals("COMPLETED", yardi.getString("status"), yardi.toString());
    assertEquals("full", yardi.getString("mode"));
    assertEquals(4, yardi.getInt("inserted"), yardi.toString());
    JsonObject unknown =
        imports.stream()
            .filter(i -> !i.getString("layout").equals("yardi"))
            .findFirst()
            .orElseThrow();
    assertEquals("FAILED", unknown.getString("status"));
    assertEquals("incremental", unknown.getString("mode"));
    assertTrue(
        unknown.getString("failureReason").contains("does not name a layout"), unknown.toString());
    assertEquals("ACTIVE", onlyRecipient(api, site, "r0004").getString("status"));
    assertFalse(Files.exists(folder.resolve("yardi.csv")), "the file was taken");
    assertTrue(Files.isSymbolicLink(folder.resolve("onesite.csv")), "the link was left alone");
    Files.delete(folder.resolve("onesite.csv"));
    Files.delete(elsewhere);

    // the site's day has run: a file dropped now waits for tomorrow
    Files.writeString(folder.resolve("yardi.csv"), residents(1, 5, "Current"));
    Thread.sleep(4_000);
    assertTrue(Files.exists(folder.resolve("yardi.csv")));
    assertEquals(
        2,
        api.get("/api/v1/sites/" + site + "/imports", BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total"));
  }

  /** What a test stores with an interrupted import, in the same transaction. */
  private interface StoredWithImport {
    void store(Connection db, long importId) throws SQLException;
  }

  /**
   * Ten residents imported, then a full file of five of them: refused by the safeguard (half the
   * site would move out), FAILED with nothing applied.
   */
  private static JsonObject suspiciousImport(Api api, long site) {
    importAndWait(api, site, "yardi", "full", residents(1, 10, "Current"));
    JsonObject refused = importAndWait(api, site, "yardi", "full", residents(1, 5, "Current"));
    assertEquals("FAILED", refused.getString("status"), refused.toString());
    return refused;
  }

  /** A row as a run on an instance that died an hour ago leaves it: STARTED, silent since. */
  private static long interruptedImport(
      long site, Path file, String doneStep, long read, long unchanged, StoredWithImport alongside)
      throws IOException {
    try (Connection db = db()) {
      db.setAutoCommit(false);
      long id;
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO recipient_import (id, site_id, layout, mode, forced, status,"
                  + " execution_id, file_path, file_bytes, started_by, created_at, read_count,"
                  + " unchanged_count, run_owner, heartbeat_at, done_step)"
                  + " VALUES (nextval('recipient_import_seq'), ?, 'yardi', 'FULL', FALSE,"
                  + " 'STARTED', 987654321, ?, ?, 'it', now() - interval '1 hour', ?, ?,"
                  + " 'server@gone.example', now() - interval '1 hour', ?) RETURNING id")) {
        insert.setLong(1, site);
        insert.setString(2, file.toString());
        insert.setLong(3, Files.exists(file) ? Files.size(file) : 0);
        insert.setLong(4, read);
        insert.setLong(5, unchanged);
        insert.setString(6, doneStep);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      alongside.store(db, id);
      db.commit();
      return id;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Line n of {@link #residents} as the read step stores it; applied: as the upsert leaves it. */
  private static void storedLine(Connection db, long importId, int n, String email, boolean applied)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO import_line (import_id, line, external_id, first_name, last_name,"
                + " unit, email, phone, moved_out, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " FALSE, ?)")) {
      insert.setLong(1, importId);
      insert.setLong(2, n + 1);
      insert.setString(3, String.format("r%04d", n));
      insert.setString(4, "First" + n);
      insert.setString(5, "Last" + n);
      insert.setString(6, String.valueOf(100 + n));
      insert.setString(7, email);
      insert.setString(8, String.format("+1212555%04d", n));
      insert.setString(9, applied ? "UNCHANGED" : null);
      insert.executeUpdate();
    }
  }

  private static long fileChunks(long importId) {
    return count("SELECT COUNT(*) FROM import_file_chunk WHERE import_id = ?", importId);
  }

  /** A count read straight from the database, of one id. */
  private static long count(String sql, long id) {
    try (Connection db = db();
        PreparedStatement count = db.prepareStatement(sql)) {
      count.setLong(1, id);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static Connection db() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
  }

  private static String sample(String layout) throws IOException {
    return Files.readString(
        Path.of(System.getProperty("spr.it.samples"), layout + "-sample.csv"),
        StandardCharsets.UTF_8);
  }

  private static String line(int n, String status, String email) {
    return String.format(
        "RIVERSIDE,%d,r%04d,%s,First%d,Last%d,%s,(212) 555-%04d,,01/01/2024,\r\n",
        100 + n, n, status, n, n, email, n);
  }

  private static String residents(int from, int to, String status) {
    StringBuilder csv = new StringBuilder(YARDI_HEADER);
    for (int n = from; n <= to; n++) {
      csv.append(line(n, status, "res." + n + "@example.org"));
    }
    return csv.toString();
  }

  private static long start(Api api, long site, String layout, String mode, String csv) {
    JsonObject accepted =
        api.postCsv(
                "/api/v1/sites/" + site + "/imports?layout=" + layout + "&mode=" + mode,
                BOOTSTRAP,
                csv)
            .expect(202)
            .json();
    assertTrue(
        List.of("STARTING", "STARTED").contains(accepted.getString("status")), accepted.toString());
    return accepted.getJsonNumber("id").longValue();
  }

  /** Starts an import and polls it, as an integrator would, until it has ended. */
  private static JsonObject importAndWait(
      Api api, long site, String layout, String mode, String csv) {
    return waitFor(api, start(api, site, layout, mode, csv));
  }

  /** Polls an import until it has ended. */
  private static JsonObject waitFor(Api api, long id) {
    long deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject status = api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json();
      if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED")
          .contains(status.getString("status"))) {
        // an import shown as completed or failed has its time: its outcome does not change any
        // more (a stop under way already shows as STOPPED)
        assertTrue(
            status.getString("status").equals("STOPPED")
                || status.get("finishedAt") instanceof JsonString,
            "ended without its time: " + status);
        return status;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("import " + id + " did not end within 90 s");
  }

  private static JsonObject onlyRecipient(Api api, long site, String externalId) {
    JsonObject page =
        api.get("/api/v1/sites/" + site + "/recipients?q=" + externalId, BOOTSTRAP)
            .expect(200)
            .json();
    assertEquals(1, page.getInt("total"), page.toString());
    return page.getJsonArray("items").getJsonObject(0);
  }

  private static List<JsonObject> keysOf(Api api, long site, JsonObject recipient) {
    return api
        .get(
            "/api/v1/sites/"
                + site
                + "/recipients/"
                + recipient.getJsonNumber("id").longValue()
                + "/access-keys",
            BOOTSTRAP)
        .expect(200)
        .array()
        .stream()
        .map(v -> v.asJsonObject())
        .toList();
  }

  private static String staffToken(Api api, long site, String role) {
    long account = api.newStaff(site, "Pat", "Lee", role);
    return api.post("/api/v1/api-tokens", BOOTSTRAP, json("accountId", account, "name", "it"))
        .expect(201)
        .json()
        .getString("token");
  }
}
