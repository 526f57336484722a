package com.smartpackageroom.it.instances;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartpackageroom.it.Api;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the application on one PostgreSQL, as production runs them behind a load
 * balancer: two Payara domains on their own ports (A: 9180, B: 9280), each with the same EAR and
 * the same keys, and nothing shared but the database. What one instance does counts on the other at
 * once (the kiosk throttle, a deactivated key), each outbox message goes out once although both
 * dispatchers run, and an import whose server is killed (kill -9) half-way is finished by the other
 * with exactly the state an uninterrupted import leaves. The killed instance rejoins on restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

  private static final String DATABASE = "spr_two";
  private static final Path DOMAINS =
      Path.of(System.getProperty("spr.ear")).getParent().resolve("two-instances");

  private static Instance a;
  private static Instance b;
  private static GreenMail mail;

  /** A Payara domain of its own with the application deployed. */
  record Instance(String name, int portBase) {
    int httpPort() {
      return portBase + 80;
    }

    int adminPort() {
      return portBase + 48;
    }

    Api api() {
      try {
        return new Api(new URL("http://127.0.0.1:" + httpPort() + "/"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    void create() throws Exception {
      asadmin(
          "--user",
          "admin",
          "create-domain",
          "--nopassword",
          "--portbase",
          String.valueOf(portBase),
          "--domaindir",
          DOMAINS.toString(),
          name);
    }

    void start() throws Exception {
      asadmin("start-domain", "--domaindir", DOMAINS.toString(), name);
    }

    void deploy() throws Exception {
      asadmin(
          "--port",
          String.valueOf(adminPort()),
          "deploy",
          "--name",
          "spr",
          System.getProperty("spr.ear"));
    }

    /** Waits until the application answers (a server is up before its applications are). */
    void awaitReady() throws InterruptedException {
      long deadline = System.currentTimeMillis() + 120_000;
      while (System.currentTimeMillis() < deadline) {
        try {
          if (api().get("/api/ping", null).status() == 200) {
            return;
          }
        } catch (RuntimeException notYet) {
          // connection refused while the server starts
        }
        Thread.sleep(500);
      }
      fail(name + " did not answer /api/ping within 2 minutes");
    }

    void stop() throws Exception {
      asadmin("stop-domain", "--domaindir", DOMAINS.toString(), "--kill", "true", name);
    }

    /** Kills the server's process without warning, as a crash or an OOM killer would. */
    void killHard() throws Exception {
      long pid = Long.parseLong(Files.readString(DOMAINS.resolve(name + "/config/pid")).strip());
      ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
      new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
      server.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  @BeforeAll
  static void startTwoInstances() throws Exception {
    try (Connection admin = db("postgres");
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + DATABASE);
    }
    mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    deleteDomains();
    a = new Instance("spr-a", 9100);
    b = new Instance("spr-b", 9200);
    for (Instance instance : List.of(a, b)) {
      instance.create();
      instance.start();
      instance.deploy();
      instance.awaitReady();
    }
  }

  @AfterAll
  static void stopTwoInstances() throws Exception {
    for (Instance instance : new Instance[] {a, b}) {
      if (instance != null) {
        try {
          instance.stop();
        } catch (Exception e) {
          // already down
        }
      }
    }
    if (mail != null) {
      mail.stop();
    }
    deleteDomains();
  }

  @Test
  @Order(1)
  void failuresAtOneKioskThroughBothInstancesCountTogether() {
    Api.Site site = a.api().newSite(false);
    String wrong = "730461";
    for (int i = 0; i < 5; i++) {
      Instance through = i % 2 == 0 ? a : b;
      through.api().signIn(site.kioskToken(), "pin", wrong).problem(401, "invalid-credential");
    }
    a.api().signIn(site.kioskToken(), "pin", wrong).problem(429, "kiosk-throttled");
    b.api().signIn(site.kioskToken(), "pin", wrong).problem(429, "kiosk-throttled");
  }

  @Test
  @Order(2)
  void aKeyDeactivatedThroughOneIsRefusedAtOnceThroughTheOther() {
    Api.Site site = a.api().newSite(false);
    long courier = a.api().newCourier(site.id());
    JsonObject key = a.api().newKey(site.id(), "couriers", courier, "PIN");
    String pin = key.getString("pin");
    // B remembers the key after these
    b.api().signIn(site.kioskToken(), "pin", pin).expect(201);
    b.api().signIn(site.kioskToken(), "pin", pin).expect(201);
    a.api()
        .post(
            "/api/v1/access-keys/" + key.getJsonNumber("id").longValue() + "/deactivate",
            BOOTSTRAP,
            null)
        .expect(200);
    b.api().signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
  }

  @Test
  @Order(3)
  void eachMessageIsSentOnceWithBothDispatchersRunning() throws Exception {
    long site = a.api().newSite(false).id();
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String email = Api.unique("twice-" + i) + "@instances.example.org";
      addresses.add(email);
      Api api = (i % 2 == 0 ? a : b).api();
      // a new PIN is announced by email: one message each
      api.newKey(site, "recipients", api.newRecipient(site, email, null), "PIN");
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (sent(site) < addresses.size() && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    assertEquals(addresses.size(), sent(site), "every welcome message sent");
    Thread.sleep(3_000); // a message sent twice would arrive now
    Map<String, Integer> received = new HashMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      for (var to : message.getRecipients(Message.RecipientType.TO)) {
        received.merge(to.toString(), 1, Integer::sum);
      }
    }
    for (String address : addresses) {
      assertEquals(1, received.getOrDefault(address, 0), address + " got its message once");
    }
  }

  @Test
  @Order(4)
  void anImportWhoseServerIsKilledHalfWayFinishesOnTheOtherWithNothingLostOrDoubled()
      throws Exception {
    String csv = residents(3_000);
    Api.Site interrupted = a.api().newSite(false);
    long courier = b.api().newCourier(interrupted.id());
    String pin = b.api().newKey(interrupted.id(), "couriers", courier, "PIN").getString("pin");
    long id = start(a.api(), interrupted.id(), csv);

    // killed while applying the lines, with some applied and some not
    long deadline = System.currentTimeMillis() + 120_000;
    JsonObject progress = null;
    while (System.currentTimeMillis() < deadline) {
      progress = a.api().get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json();
      if (progress.getInt("inserted") >= 500 || !progress.getString("status").startsWith("START")) {
        break;
      }
      Thread.sleep(50);
    }
    assertTrue(
        progress != null && progress.getInt("inserted") < 3_000,
        "killed half-way through: " + progress);
    a.killHard();

    // B answers sign-ins while A is dead, and takes the import over
    b.api().signIn(interrupted.kioskToken(), "pin", pin).expect(201);
    JsonObject finished = waitFor(b.api(), id, 240_000);
    assertEquals("COMPLETED", finished.getString("status"), finished.toString());
    assertTrue(finished.getInt("runs") >= 2, "resumed by B: " + finished);

    // the same file imported without interruption, for comparison
    Api.Site reference = b.api().newSite(false);
    JsonObject uninterrupted = waitFor(b.api(), start(b.api(), reference.id(), csv), 240_000);
    assertEquals("COMPLETED", uninterrupted.getString("status"));
    for (String count :
        List.of("read", "inserted", "updated", "unchanged", "movedOut", "skipped")) {
      assertEquals(uninterrupted.getInt(count), finished.getInt(count), count);
    }
    assertEquals(state(reference.id()), state(interrupted.id()), "recipients, keys, messages");

    // A rejoins on restart, once its application is up again
    a.start();
    a.awaitReady();
    a.api().signIn(interrupted.kioskToken(), "pin", pin).expect(201);
  }

  private static long start(Api api, long site, String csv) {
    return api.postCsv("/api/v1/sites/" + site + "/imports?layout=yardi&mode=full", BOOTSTRAP, csv)
        .expect(202)
        .json()
        .getJsonNumber("id")
        .longValue();
  }

  private static JsonObject waitFor(Api api, long id, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    JsonObject now = null;
    while (System.currentTimeMillis() < deadline) {
      now = api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json();
      if (List.of("COMPLETED", "FAILED", "STOPPED").contains(now.getString("status"))) {
        return now;
      }
      Thread.sleep(500);
    }
    fail("import " + id + " did not end: " + now);
    return now;
  }

  /** What an import leaves at a site, counted: recipients, keys and messages by their kind. */
  private static Map<String, Long> state(long site) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Connection db = db(DATABASE);
        Statement sql = db.createStatement()) {
      for (String query :
          List.of(
              "SELECT 'recipients ' || status, COUNT(*) FROM recipient WHERE site_id = "
                  + site
                  + " GROUP BY status",
              "SELECT 'keys ' || type || ' ' || status || ' ' || single_use, COUNT(*) FROM"
                  + " access_key WHERE holder_kind = 'RECIPIENT' AND site_id = "
                  + site
                  + " GROUP BY type, status, single_use",
              "SELECT 'messages ' || kind || ' ' || channel, COUNT(*) FROM notification WHERE"
                  + " site_id = "
                  + site
                  + " GROUP BY kind, channel",
              "SELECT 'keys generated', COUNT(*) FROM audit_event WHERE type = 'KEY_GENERATED'"
                  + " AND holder_kind = 'RECIPIENT' AND site_id = "
                  + site)) {
        try (ResultSet rows = sql.executeQuery(query)) {
          while (rows.next()) {
            counts.put(rows.getString(1), rows.getLong(2));
          }
        }
      }
    }
    return counts;
  }

  private static long sent(long site) throws SQLException {
    try (Connection db = db(DATABASE);
        Statement sql = db.createStatement();
        ResultSet row =
            sql.executeQuery(
                "SELECT COUNT(*) FROM notification WHERE status = 'SENT' AND site_id = " + site)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String residents(int count) {
    StringBuilder csv =
        new StringBuilder(
            "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,"
                + "Move In,Move Out\r\n");
    for (int n = 1; n <= count; n++) {
      csv.append(
          String.format(
              "RIVERSIDE,%d,t%05d,Current,First%d,Last%d,,(212) 555-%04d,,01/01/2024,\r\n",
              100 + n, n, n, n, n));
    }
    return csv.toString();
  }

  private static Connection db(String database) throws SQLException {
    String url = System.getProperty("spr.it.db.url");
    return DriverManager.getConnection(
        url.substring(0, url.lastIndexOf('/') + 1) + database,
        System.getProperty("spr.it.db.user"),
        "");
  }

  private static void deleteDomains() throws IOException {
    if (Files.exists(DOMAINS)) {
      try (var paths = Files.walk(DOMAINS)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void asadmin(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // both instances on their own database, the same keys and bootstrap token (from the build);
    // an import silent for 8 s is taken over
    String url = System.getProperty("spr.it.db.url");
    env.put("SPR_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + DATABASE);
    env.put("SPR_IMPORT_RESUME_AFTER", "PT8S");
    env.put("SPR_IMPORT_RESUME_CHECK_INTERVAL", "PT1S");
    env.put("SPR_IMPORT_DROP_DIRECTORY", DOMAINS.resolve("drop").toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("asadmin " + String.join(" ", arguments) + ": " + output);
    }
  }
}
