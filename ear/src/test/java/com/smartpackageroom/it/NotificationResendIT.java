package com.smartpackageroom.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Send a failed message again once the contact is corrected": the outbox filtered by status, a
 * FAILED message sent again to its holder's current number or address (delivered by the
 * dispatcher), and who may do it. Uses the SMS stub and mail server ports of {@link
 * NotificationIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationResendIT {

  static WireMockServer sms;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startSmsProvider() {
    sms =
        new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").port(NotificationIT.SMS_PORT));
    sms.start();
    sms.stubFor(
        post(urlEqualTo(NotificationIT.SMS_PATH))
            .atPriority(10)
            .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
  }

  @AfterAll
  static void stopSmsProvider() {
    sms.stop();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void aTextRefusedForABadNumberGoesToTheCorrectedNumberWhenSentAgain() {
    String wrong = NotificationIT.uniquePhone();
    String corrected = NotificationIT.uniquePhone();
    sms.stubFor(
        post(urlEqualTo(NotificationIT.SMS_PATH))
            .atPriority(1)
            .withRequestBody(containing("To=" + enc(wrong)))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\"}")));
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long recipient = api.newRecipient(site.id(), null, wrong);
    String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
    String outbox = "/api/v1/sites/" + site.id() + "/notifications";

    JsonObject failed =
        NotificationIT.waitFor(
            () -> {
              JsonObject page =
                  api.get(outbox + "?status=FAILED&to=" + enc(wrong), BOOTSTRAP).expect(200).json();
              return page.getInt("total") == 1 ? page.getJsonArray("items").getJsonObject(0) : null;
            },
            m -> true,
            "the text to the wrong number to fail");
    assertEquals(1, failed.getInt("attempts"));
    assertTrue(failed.getString("lastError").contains("400"), failed.toString());
    assertEquals(1, dashboard(api, site.id()).getInt("messagesFailed"));
    long failedId = failed.getJsonNumber("id").longValue();

    api.call(
            "PATCH",
            "/api/v1/sites/" + site.id() + "/recipients/" + recipient,
            BOOTSTRAP,
            json("phone", corrected))
        .expect(200);
    JsonObject again =
        api.post("/api/v1/notifications/" + failedId + "/resend", BOOTSTRAP, null)
            .expect(202)
            .json();
    assertEquals(corrected, again.getString("to"));
    assertEquals("PENDING", again.getString("status"));
    assertEquals(0, again.getInt("attempts"));

    List<LoggedRequest> texts =
        NotificationIT.waitFor(
            () ->
                sms.findAll(
                    postRequestedFor(urlEqualTo(NotificationIT.SMS_PATH))
                        .withRequestBody(containing(enc(corrected)))),
            l -> l.size() >= 1,
            "the text to the corrected number");
    assertTrue(NotificationIT.form(texts.get(0).getBodyAsString()).get("Body").contains(pin));
    NotificationIT.waitForStatus(api, site.id(), corrected, "SENT", 1);

    JsonObject old =
        api.get(outbox + "?status=FAILED", BOOTSTRAP)
            .expect(200)
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals(again.getJsonNumber("id").longValue(), old.getJsonNumber("resentAs").longValue());
    assertEquals(0, dashboard(api, site.id()).getInt("messagesFailed"));
    api.post("/api/v1/notifications/" + failedId + "/resend", BOOTSTRAP, null)
        .problem(409, "notification-not-resendable");
    api.post("/api/v1/notifications/" + again.getJsonNumber("id") + "/resend", BOOTSTRAP, null)
        .problem(409, "notification-not-resendable");
    JsonObject audited =
        api.get("/api/v1/sites/" + site.id() + "/audit-events?type=NOTIFICATION_RESENT", BOOTSTRAP)
            .expect(200)
            .json();
    assertEquals(1, audited.getInt("total"));
    assertEquals(
        "bootstrap-token", audited.getJsonArray("items").getJsonObject(0).getString("actor"));
  }

  @Test
  void aFailedEmailGoesToTheCorrectedAddressOnly() throws Exception {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String wrong = NotificationIT.uniqueEmail();
    String corrected = NotificationIT.uniqueEmail();
    long recipient = api.newRecipient(site.id(), wrong, null);
    String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
    long failedId = failPendingTo(api, site.id(), wrong);
    api.call(
            "PATCH",
            "/api/v1/sites/" + site.id() + "/recipients/" + recipient,
            BOOTSTRAP,
            json("email", corrected))
        .expect(200);
    GreenMail mail = NotificationIT.mailServer();
    try {
      api.post("/api/v1/notifications/" + failedId + "/resend", BOOTSTRAP, null).expect(202);
      List<MimeMessage> received = NotificationIT.waitForMail(mail, corrected, 1);
      assertTrue(mailHas(received.get(0), pin), "the same PIN");
      NotificationIT.pause(Duration.ofSeconds(2));
      assertTrue(NotificationIT.forAddress(mail, wrong).isEmpty(), "nothing to the wrong address");
    } finally {
      mail.stop();
    }
  }

  private static boolean mailHas(MimeMessage message, String text) throws Exception {
    java.util.Map<String, jakarta.mail.Part> parts = new java.util.LinkedHashMap<>();
    NotificationIT.collect(message, parts);
    return NotificationIT.text(parts.get("text/plain")).contains(text);
  }

  @Test
  void whoMaySendWhatAgainAndWhatCannotBeSent() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    Api.Site other = api.newSite(false);
    String managerToken =
        api.tokenOf(api.newStaff(site.id(), "Pat", "Manager", "PROPERTY_MANAGER"));
    String staffToken = api.tokenOf(api.newStaff(site.id(), "Sam", "Desk", "STAFF"));
    String otherManager =
        api.tokenOf(api.newStaff(other.id(), "Kim", "Elsewhere", "PROPERTY_MANAGER"));

    String recipientEmail = NotificationIT.uniqueEmail();
    long recipient = api.newRecipient(site.id(), recipientEmail, null);
    api.newKey(site.id(), "recipients", recipient, "PIN");
    long recipientMessage = failPendingTo(api, site.id(), recipientEmail);

    String courierEmail = NotificationIT.uniqueEmail();
    long courier =
        api.post(
                "/api/v1/sites/" + site.id() + "/couriers",
                BOOTSTRAP,
                json("name", "FedEx courier", "carrier", "FedEx", "email", courierEmail))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    api.newKey(site.id(), "couriers", courier, "PIN");
    long courierMessage = failPendingTo(api, site.id(), courierEmail);

    String resend = "/api/v1/notifications/%d/resend";
    api.post(String.format(resend, recipientMessage), otherManager, null).problem(403, "forbidden");
    api.get("/api/v1/sites/" + site.id() + "/notifications", otherManager)
        .problem(403, "forbidden");
    api.post(String.format(resend, courierMessage), staffToken, null).problem(403, "forbidden");
    api.post(String.format(resend, recipientMessage), null, null).problem(401, "unauthorized");
    api.post(String.format(resend, 999999999L), managerToken, null).problem(404, "not-found");
    assertEquals(404, api.post("/api/v1/notifications/abc/resend", managerToken, null).status());
    api.get("/api/v1/notifications/" + recipientMessage + "/resend", managerToken).expect(405);

    // staff send a recipient's message again; a property manager a courier's
    api.post(String.format(resend, recipientMessage), staffToken, null).expect(202);
    api.post(String.format(resend, courierMessage), managerToken, null).expect(202);

    // a message about a key that no longer works is not sent again
    JsonObject key = api.newKey(site.id(), "recipients", recipient, "QR");
    long qrMessage = failPendingTo(api, site.id(), recipientEmail);
    api.post("/api/v1/access-keys/" + key.getJsonNumber("id") + "/deactivate", BOOTSTRAP, null)
        .expect(200);
    String detail =
        api.post(String.format(resend, qrMessage), managerToken, null)
            .problem(409, "notification-not-resendable")
            .json()
            .getString("detail");
    assertTrue(detail.contains("no longer works"), detail);

    // a holder who has no address for the channel now: the contact must be added first
    String onlyEmail = NotificationIT.uniqueEmail();
    long withPhone = api.newRecipient(site.id(), onlyEmail, NotificationIT.uniquePhone());
    api.newKey(site.id(), "recipients", withPhone, "PIN");
    long emailMessage = failPendingTo(api, site.id(), onlyEmail);
    api.call(
            "PATCH",
            "/api/v1/sites/" + site.id() + "/recipients/" + withPhone,
            BOOTSTRAP,
            json("email", null))
        .expect(200);
    api.post(String.format(resend, emailMessage), managerToken, null)
        .problem(422, "contact-missing");
  }

  @Test
  void theOutboxIsFilteredByStatus() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String email = NotificationIT.uniqueEmail();
    long recipient = api.newRecipient(site.id(), email, null);
    api.newKey(site.id(), "recipients", recipient, "PIN");
    api.newKey(site.id(), "recipients", recipient, "QR");
    String outbox = "/api/v1/sites/" + site.id() + "/notifications";
    assertEquals(2, api.get(outbox, BOOTSTRAP).expect(200).json().getInt("total"));
    failPendingTo(api, site.id(), email);
    JsonObject failed = api.get(outbox + "?status=failed", BOOTSTRAP).expect(200).json();
    assertTrue(failed.getInt("total") >= 1, failed.toString());
    failed.getJsonArray("items").stream()
        .forEach(m -> assertEquals("FAILED", m.asJsonObject().getString("status")));
    assertEquals(
        2,
        api.get(outbox + "?status=FAILED", BOOTSTRAP).json().getInt("total")
            + api.get(outbox + "?status=PENDING", BOOTSTRAP).json().getInt("total")
            + api.get(outbox + "?status=SENT", BOOTSTRAP).json().getInt("total"));
    String detail =
        api.get(outbox + "?status=BOUNCED", BOOTSTRAP)
            .problem(400, "invalid-request")
            .json()
            .getString("detail");
    assertTrue(detail.contains("status"), detail);
    assertFalse(
        api.get(outbox + "?status=FAILED&to=" + enc(email), BOOTSTRAP)
            .json()
            .getJsonArray("items")
            .isEmpty());
  }

  /**
   * Marks the newest pending message to {@code address} FAILED, as the dispatcher does when a
   * provider refuses it (no mail server listens in this test, so it waits for its next try); waits
   * while a dispatcher run holds it. Returns its id.
   */
  static long failPendingTo(Api api, long siteId, String address) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      JsonObject page =
          api.get(
                  "/api/v1/sites/" + siteId + "/notifications?status=PENDING&to=" + enc(address),
                  BOOTSTRAP)
              .expect(200)
              .json();
      if (page.getInt("total") > 0) {
        long id = page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        int changed =
            Api.sql(
                "UPDATE notification SET status = 'FAILED', last_error = '550 5.1.1 no such user'"
                    + " WHERE id = ? AND status = 'PENDING' AND claim_token IS NULL",
                id);
        if (changed == 1) {
          return id;
        }
      }
      NotificationIT.pause(Duration.ofMillis(200));
    }
    throw new AssertionError("no pending message to " + address + " could be marked FAILED");
  }

  private static JsonObject dashboard(Api api, long siteId) {
    return api.get("/api/v1/sites/" + siteId + "/dashboard", BOOTSTRAP).expect(200).json();
  }
}
