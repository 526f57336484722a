package com.smartpackageroom.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages really go out: email to an SMTP server (GreenMail) with the PIN and the QR code, text
 * messages to an SMS provider with the Twilio shape (WireMock), and nothing lost or doubled while
 * either is down. The server under test is configured (ear/pom.xml) with the mail server on
 * 127.0.0.1:3025, the SMS provider on 127.0.0.1:8089, a 1 s poll and short retry delays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationIT {

  static final int SMTP_PORT = 3025;
  static final int SMS_PORT = 8089;
  static final String SMS_PATH = "/2010-04-01/Accounts/ACit0123456789/Messages.json";
  static final Duration PATIENCE = Duration.ofSeconds(60);

  static WireMockServer sms;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startSmsProvider() {
    sms =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(SMS_PORT));
    sms.start();
  }

  @AfterAll
  static void stopSmsProvider() {
    sms.stop();
  }

  /** The provider takes every text, unless a test tells it otherwise for its own number. */
  @BeforeEach
  void acceptTexts() {
    sms.resetAll();
    sms.stubFor(
        post(urlEqualTo(SMS_PATH))
            .atPriority(10)
            .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
  }

  static com.github.tomakehurst.wiremock.client.MappingBuilder textTo(String phone) {
    return post(urlEqualTo(SMS_PATH))
        .atPriority(1)
        .withRequestBody(containing("To=" + URLEncoder.encode(phone)));
  }

  static GreenMail mailServer() {
    GreenMail mail =
        new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  static String uniqueEmail() {
    return Api.unique("ana") + "@notifications.example.org";
  }

  static String uniquePhone() {
    // a valid North American number, different for each test run
    return "+1917" + (2000000 + (int) (Math.random() * 7999999));
  }

  @Test
  void aNewPinArrivesByEmailWithThePinAndTheQrCodeImage() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String email = uniqueEmail();
    long recipient = api.newRecipient(site.id(), email, null);
    GreenMail mail = mailServer();
    try {
      api.newKey(site.id(), "recipients", recipient, "QR");
      String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");

      List<MimeMessage> received = waitForMail(mail, email, 2);
      MimeMessage pinMail =
          received.stream()
              .filter(m -> subject(m).contains("new Smart Package Room PIN"))
              .findFirst()
              .orElseThrow();
      Map<String, Part> parts = new LinkedHashMap<>();
      collect(pinMail, parts);
      assertTrue(text(parts.get("text/plain")).contains(pin), "the text part carries the PIN");
      assertTrue(text(parts.get("text/html")).contains(pin), "the HTML part carries the PIN");
      assertTrue(
          text(parts.get("text/html")).contains("cid:qr-code"), "the HTML shows the QR code");
      Part image = parts.get("image/png");
      assertNotNull(image, "the QR code travels as an inline PNG image");
      assertEquals("<qr-code>", ((jakarta.mail.internet.MimeBodyPart) image).getContentID());
      byte[] png = image.getInputStream().readAllBytes();
      assertTrue(
          png.length > 100 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG image");

      JsonObject status = waitForStatus(api, site.id(), email, "SENT", 2);
      assertEquals(1, status.getInt("attempts"));
      assertTrue(status.containsKey("sentAt"));
      // the QR message itself showed the code too
      MimeMessage qrMail =
          received.stream().filter(m -> subject(m).contains("QR code")).findFirst().orElseThrow();
      Map<String, Part> qrParts = new LinkedHashMap<>();
      collect(qrMail, qrParts);
      assertNotNull(qrParts.get("image/png"));
    } finally {
      mail.stop();
    }
  }

  /**
   * The import queues its welcome messages without their words, which are rendered when they are
   * sent from the PIN sealed in its key: the resident gets what a welcome queued whole says, by
   * email with the QR code, or by text message when they have no email address.
   */
  @Test
  void anImportedResidentIsWelcomedWithThePinOfTheirKey() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String siteName =
        api.get("/api/v1/sites/" + site.id(), BOOTSTRAP).expect(200).json().getString("name");
    String email = uniqueEmail();
    String phone = uniquePhone();
    String tenant = Api.unique("w");
    String csv =
        "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,"
            + "Move In,Move Out\r\n"
            + "RIVERSIDE,101,"
            + tenant
            + "-a,Current,Ana,Alves,"
            + email
            + ",,,01/01/2024,\r\n"
            + "RIVERSIDE,102,"
            + tenant
            + "-b,Current,Bo,Berg,,"
            + phone
            + ",,01/01/2024,\r\n";
    GreenMail mail = mailServer();
    try {
      api.postCsv("/api/v1/sites/" + site.id() + "/imports?layout=yardi&mode=full", BOOTSTRAP, csv)
          .expect(202);
      MimeMessage welcome = waitForMail(mail, email, 1).get(0);
      String pin = importedPin(api, site.id(), tenant + "-a");
      assertEquals("Your Smart Package Room PIN", subject(welcome));
      Map<String, Part> parts = new LinkedHashMap<>();
      collect(welcome, parts);
      String text = text(parts.get("text/plain")).replace("\r\n", "\n");
      assertEquals(
          "Hello Ana Alves,\n\nWelcome to "
              + siteName
              + ". Your parcels wait for you in the Smart Package Room. Your PIN for the room is:"
              + "\n\n    "
              + pin
              + "\n\nYour PIN does not expire. Enter it at the kiosk's sign-in screen.\n"
              + "You can also sign in by showing the QR code of this message to the kiosk's"
              + " camera.\nKeep it private: it opens the room.\n",
          text);
      String html = text(parts.get("text/html"));
      assertTrue(html.contains("<p>Hello Ana Alves,</p>"), html);
      assertTrue(html.contains("<strong>" + pin + "</strong>"), html);
      assertTrue(html.contains("cid:qr-code"), html);
      assertNotNull(parts.get("image/png"), "the QR code travels as an inline PNG image");

      String body = form(waitForSms(phone, 1).get(0).getBodyAsString()).get("Body");
      assertEquals(
          siteName
              + " Smart Package Room: your PIN for the package room is "
              + importedPin(api, site.id(), tenant + "-b")
              + ". It does not expire. Keep it private.",
          body);
      waitForStatus(api, site.id(), email, "SENT", 1);
    } finally {
      mail.stop();
    }
  }

  @Test
  void aWelcomeIsNotSentToAnAddressTheResidentNoLongerHas() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String old = uniqueEmail();
    String corrected = uniqueEmail();
    String tenant = Api.unique("w");
    String header =
        "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,"
            + "Move In,Move Out\r\n";
    String line = "RIVERSIDE,101," + tenant + ",Current,Ana,Alves,%s,,,01/01/2024,\r\n";
    // no mail server yet: the welcome waits in the outbox while the next import corrects the email
    importAndWait(api, site.id(), "full", header + String.format(line, old));
    importAndWait(api, site.id(), "incremental", header + String.format(line, corrected));
    GreenMail mail = mailServer();
    try {
      JsonObject failed = waitForStatus(api, site.id(), old, "FAILED", 1);
      assertTrue(failed.getString("lastError").contains("email changed"), failed.toString());
      for (MimeMessage m : mail.getReceivedMessages()) {
        for (var to : m.getAllRecipients()) {
          assertFalse(to.toString().contains(old), "no PIN to the old address");
        }
      }
    } finally {
      mail.stop();
    }
  }

  /**
   * A message someone waits for goes out before an import's welcome messages, however many wait:
   * the mail server was down while a thousand residents were imported, a single access PIN was sent
   * meanwhile, and once the server is back the PIN is among the first messages delivered, not after
   * the thousand welcomes.
   */
  @Test
  void aMessageSomeoneWaitsForGoesOutBeforeAnImportsWelcomes() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String tenant = Api.unique("bulk");
    String domain = "@" + tenant + ".example.org";
    StringBuilder csv =
        new StringBuilder(
            "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,"
                + "Move In,Move Out\r\n");
    int residents = 1000;
    for (int n = 1; n <= residents; n++) {
      csv.append(
          String.format(
              "RIVERSIDE,%d,%s-%d,Current,Ana,Alves,r%d%s,,,01/01/2024,\r\n",
              100 + n, tenant, n, n, domain));
    }
    // no mail server: the welcomes wait in the outbox
    importAndWait(api, site.id(), "full", csv.toString());
    String email = uniqueEmail();
    long recipient = api.newRecipient(site.id(), email, null);
    sendSingleAccessPin(api, site, recipient, "EMAIL");

    GreenMail mail = mailServer();
    try {
      waitForMail(mail, email, 1);
      int welcomesBefore = 0;
      for (MimeMessage m : mail.getReceivedMessages()) {
        String to = m.getAllRecipients()[0].toString();
        if (to.equalsIgnoreCase(email)) {
          break;
        }
        if (to.endsWith(domain)) {
          welcomesBefore++;
        }
      }
      assertTrue(
          welcomesBefore < residents / 2,
          "the single access PIN went out after " + welcomesBefore + " welcomes");
    } finally {
      mail.stop();
    }
  }

  private static void importAndWait(Api api, long siteId, String mode, String csv) {
    long id =
        api.postCsv(
                "/api/v1/sites/" + siteId + "/imports?layout=yardi&mode=" + mode, BOOTSTRAP, csv)
            .expect(202)
            .json()
            .getJsonNumber("id")
            .longValue();
    waitFor(
        () -> api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json(),
        v -> v.getString("status").equals("COMPLETED"),
        "import " + id + " completed");
  }

  /** The PIN of the imported resident with this resident id. */
  static String importedPin(Api api, long siteId, String externalId) {
    JsonObject resident =
        api
            .get("/api/v1/sites/" + siteId + "/recipients?q=" + externalId, BOOTSTRAP)
            .expect(200)
            .json()
            .getJsonArray("items")
            .stream()
            .map(v -> v.asJsonObject())
            .filter(r -> externalId.equals(r.getString("externalId", null)))
            .findFirst()
            .orElseThrow();
    long pinKey =
        api
            .get(
                "/api/v1/sites/"
                    + siteId
                    + "/recipients/"
                    + resident.getJsonNumber("id").longValue()
                    + "/access-keys",
                BOOTSTRAP)
            .expect(200)
            .array()
            .stream()
            .map(v -> v.asJsonObject())
            .filter(k -> k.getString("type").equals("PIN"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    return api.get("/api/v1/access-keys/" + pinKey, BOOTSTRAP).expect(200).json().getString("pin");
  }

  @Test
  void aSingleAccessPinBySmsIsATwilioFormWithThePinAndItsExpiryInTheSiteTimeZone() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String phone = uniquePhone();
    long recipient = api.newRecipient(site.id(), null, phone);
    Instant expiry =
        Instant.now()
            .plus(Duration.ofDays(2))
            .with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
    JsonObject key =
        api.post(
                "/api/v1/sites/" + site.id() + "/recipients/" + recipient + "/single-access-pins",
                BOOTSTRAP,
                json("notifyVia", "SMS", "expiresAt", expiry.toString()))
            .expect(201)
            .json();
    String pin = key.getString("pin");

    LoggedRequest request = waitForSms(phone, 1).get(0);
    Map<String, String> form = form(request.getBodyAsString());
    assertEquals(phone, form.get("To"));
    assertEquals("+15005550006", form.get("From"));
    String body = form.get("Body");
    assertTrue(body.contains(pin), body);
    String localExpiry =
        java.time.format.DateTimeFormatter.ofPattern(
                "MMMM d, yyyy 'at' h:mm a", java.util.Locale.US)
            .format(expiry.atZone(java.time.ZoneId.of("America/New_York")));
    assertTrue(body.contains(localExpiry), body + " should name " + localExpiry);
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    "ACit0123456789:it-sms-auth-token".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, request.getHeader("Authorization"));
    assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
    waitForStatus(api, site.id(), phone, "SENT", 1);
  }

  @Test
  void aProviderAnswering500ThenSucceedsDeliversOnce() {
    String phone = uniquePhone();
    sms.stubFor(
        textTo(phone)
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("recovered"));
    sms.stubFor(
        textTo(phone)
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM2\"}")));
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long recipient = api.newRecipient(site.id(), null, phone);
    sendSingleAccessPin(api, site, recipient, "SMS");

    JsonObject status = waitForStatus(api, site.id(), phone, "SENT", 1);
    assertEquals(2, status.getInt("attempts"), "one failed try, then the one that went out");
    pause(Duration.ofSeconds(4));
    assertEquals(2, waitForSms(phone, 2).size(), "the provider was asked twice and took it once");
  }

  @Test
  void aHungThenDownMailServerLosesNothingAndDoublesNothing() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String email = uniqueEmail();
    long recipient = api.newRecipient(site.id(), email, null);

    // a server that takes the connection and never answers: the dispatcher's timeout ends the try
    try (ServerSocket hung =
        new ServerSocket(SMTP_PORT, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(hung.accept());
                  }
                } catch (IOException closed) {
                  // the test closed the server
                }
              });
      acceptor.start();
      sendSingleAccessPin(api, site, recipient, "EMAIL");
      waitFor(() -> held.size(), n -> n >= 1, "the dispatcher to connect to the hung server");
      pause(Duration.ofSeconds(5)); // longer than the server's SMTP timeout (3 s)
      assertEquals("PENDING", message(api, site.id(), email).getString("status"));
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
    }
    // nothing listens now: the server is down
    pause(Duration.ofSeconds(3));
    assertEquals("PENDING", message(api, site.id(), email).getString("status"));

    GreenMail mail = mailServer();
    try {
      List<MimeMessage> received = waitForMail(mail, email, 1);
      assertTrue(subject(received.get(0)).contains("one-time"));
      waitForStatus(api, site.id(), email, "SENT", 1);
      pause(Duration.ofSeconds(4));
      assertEquals(1, forAddress(mail, email).size(), "delivered exactly once");
    } finally {
      mail.stop();
    }
  }

  @Test
  void aMessageThatKeepsFailingEndsFailedAfterItsRetryWindow() throws Exception {
    String phone = uniquePhone();
    sms.stubFor(textTo(phone).willReturn(aResponse().withStatus(503)));
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long recipient = api.newRecipient(site.id(), null, phone);
    sendSingleAccessPin(api, site, recipient, "SMS");
    JsonObject first =
        waitFor(
            () -> message(api, site.id(), phone), m -> m.getInt("attempts") >= 1, "a failed try");
    assertEquals("PENDING", first.getString("status"), "a 503 is tried again");

    // the clock moves on: the message is now 25 hours old and due
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
        PreparedStatement age =
            db.prepareStatement(
                "UPDATE notification SET created_at = created_at - INTERVAL '25 hours', next_attempt_at = now() WHERE id = ?")) {
      age.setLong(1, first.getJsonNumber("id").longValue());
      assertEquals(1, age.executeUpdate());
    } catch (SQLException e) {
      fail(e);
    }
    JsonObject failed = waitForStatus(api, site.id(), phone, "FAILED", 1);
    assertTrue(failed.getString("lastError").contains("503"), failed.toString());
    int attempts = failed.getInt("attempts");
    pause(Duration.ofSeconds(3));
    assertEquals(attempts, message(api, site.id(), phone).getInt("attempts"), "never tried again");
  }

  @Test
  void aNumberTheProviderRefusesFailsAtOnce() {
    String phone = uniquePhone();
    sms.stubFor(
        textTo(phone)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\"}")));
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long recipient = api.newRecipient(site.id(), null, phone);
    sendSingleAccessPin(api, site, recipient, "SMS");
    JsonObject failed = waitForStatus(api, site.id(), phone, "FAILED", 1);
    assertEquals(1, failed.getInt("attempts"));
    assertTrue(failed.getString("lastError").contains("400"));
  }

  @Test
  void kioskPinRequestsByTextStopAtTheSitesDailyBudget() {
    // the server under test allows 3 kiosk-requested text messages per site and day
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    List<String> phones = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String phone = uniquePhone();
      phones.add(phone);
      api.newRecipient(site.id(), null, phone);
    }
    for (int i = 0; i < 3; i++) {
      api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", phones.get(i)))
          .expect(202);
    }
    Api.Reply refused =
        api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", phones.get(3)))
            .problem(429, "too-many-requests");
    assertTrue(refused.raw().headers().firstValue("Retry-After").isPresent());
    // email still works
    String email = uniqueEmail();
    api.newRecipient(site.id(), email, null);
    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", email)).expect(202);
    // and each of the three really went out
    for (int i = 0; i < 3; i++) {
      waitForStatus(api, site.id(), phones.get(i), "SENT", 1);
    }
  }

  @Test
  void theDeveloperMailboxIsOffUnlessConfigured() {
    // the integration server runs as production does: no spr.mail.dev-mailbox
    Api api = new Api(base);
    assertEquals(404, api.get("/dev/mailbox/", null).status());
    assertEquals(404, api.get("/dev/mailbox/1", null).status());
  }

  // --- helpers

  static void sendSingleAccessPin(Api api, Api.Site site, long recipient, String via) {
    api.post(
            "/api/v1/sites/" + site.id() + "/recipients/" + recipient + "/single-access-pins",
            BOOTSTRAP,
            json("notifyVia", via))
        .expect(201);
  }

  static JsonObject message(Api api, long siteId, String to) {
    JsonObject page =
        api.get("/api/v1/sites/" + siteId + "/notifications?to=" + URLEncoder.encode(to), BOOTSTRAP)
            .expect(200)
            .json();
    if (page.getInt("total") == 0) {
      return null;
    }
    return page.getJsonArray("items").getJsonObject(0);
  }

  /** Waits until all {@code count} messages to {@code to} have the status; returns the newest. */
  static JsonObject waitForStatus(Api api, long siteId, String to, String status, int count) {
    return waitFor(
        () -> {
          JsonObject page =
              api.get(
                      "/api/v1/sites/" + siteId + "/notifications?to=" + URLEncoder.encode(to),
                      BOOTSTRAP)
                  .expect(200)
                  .json();
          var items = page.getJsonArray("items");
          if (items.size() < count) {
            return null;
          }
          for (int i = 0; i < items.size(); i++) {
            if (!status.equals(items.getJsonObject(i).getString("status"))) {
              return null;
            }
          }
          return items.getJsonObject(0);
        },
        m -> true,
        count + " messages to " + to + " " + status);
  }

  static <T> T waitFor(Supplier<T> probe, Predicate<T> done, String what) {
    Instant deadline = Instant.now().plus(PATIENCE);
    T last = null;
    while (Instant.now().isBefore(deadline)) {
      last = probe.get();
      if (last != null && done.test(last)) {
        return last;
      }
      pause(Duration.ofMillis(250));
    }
    throw new AssertionError(
        "waited " + PATIENCE.toSeconds() + " s for " + what + "; last seen: " + last);
  }

  static List<MimeMessage> waitForMail(GreenMail mail, String to, int count) {
    return waitFor(() -> forAddress(mail, to), l -> l.size() >= count, count + " emails to " + to);
  }

  static List<MimeMessage> forAddress(GreenMail mail, String to) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  static List<LoggedRequest> waitForSms(String to, int count) {
    return waitFor(
        () ->
            sms.findAll(
                postRequestedFor(urlEqualTo(SMS_PATH))
                    .withRequestBody(containing(URLEncoder.encode(to)))),
        l -> l.size() >= count,
        count + " text messages to " + to);
  }

  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The message's leaf parts by content type (the first of each). */
  static void collect(Part part, Map<String, Part> leaves) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, leaves);
      }
      return;
    }
    String type = part.getContentType().toLowerCase().split(";")[0].trim();
    leaves.putIfAbsent(type, part);
  }

  static String text(Part part) throws Exception {
    assertNotNull(part);
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static final class URLEncoder {
    static String encode(String s) {
      return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
