package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 002, "One-Time Recipient PIN Access", its Quick Actions path: Send Single Access PIN, Select
 * Recipient, Show more options, Send notification via, Generate; the email arrives with the PIN and
 * the QR code, and the PIN opens the room once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleAccessPinIT {

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startMail() {
    mail = new Mailbox();
  }

  @AfterAll
  static void stopMail() {
    mail.close();
  }

  @Test
  void sendSingleAccessPinFromQuickActions() {
    browser.base(base);
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String lastName = Api.unique("Quintero").replace("-", "");
    String email = lastName.toLowerCase() + "@residents.example.org";
    api.post(
            "/api/v1/sites/" + site.id() + "/recipients",
            BOOTSTRAP,
            json("firstName", "Lucía", "lastName", lastName, "unit", "4C", "email", email))
        .expect(201);
    api.post(
            "/api/v1/sites/"
                + site.id()
                + "/recipients/"
                + api.get("/api/v1/sites/" + site.id() + "/recipients?q=" + lastName, BOOTSTRAP)
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                + "/access-keys",
            BOOTSTRAP,
            json("type", "QR"))
        .expect(201);
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);

    DashboardPage dashboard = new DashboardPage(browser).open();
    dashboard.openSendSingleAccessPin();
    dashboard.selectRecipient(lastName.substring(0, 8), lastName);
    dashboard.showMoreOptions();
    browser.snapshot("generate-one-time-access-key");
    dashboard.generate();
    browser.awaitText("A single access PIN was sent to Lucía " + lastName + " by email.");
    browser.snapshot("dashboard-after-generate");

    MimeMessage message = mail.await(email, "one-time", 1);
    String text = Mailbox.text(message);
    String pin = Mailbox.find(text, "\\b([0-9]{6})\\b");
    assertTrue(Mailbox.hasPng(message), "the email carries the QR code");
    // the QR code is the PIN's own single-use one, not the recipient's permanent QR code:
    // using it spends the PIN too
    String qr = Mailbox.qrCode(message);
    api.signIn(site.kioskToken(), "qr", qr).expect(201);
    api.signIn(site.kioskToken(), "pin", pin).expect(401);
    api.signIn(site.kioskToken(), "qr", qr).expect(401);
  }

  /**
   * A site's own single access PIN validity (Settings, or the API) is what the dialog offers and
   * what the PIN gets when the expiry is left as shown; Enter in Select Recipient generates.
   */
  @Test
  void theSitesOwnValidityIsTheDefaultExpiry() {
    browser.base(base);
    browser.forget();
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    String path = "/api/v1/sites/" + site.id();
    String manager = api.tokenOf(api.newStaff(site.id(), "Pat", "Manager", "PROPERTY_MANAGER"));
    api.call("PATCH", path, manager, json("singleAccessPinValidity", "PT2H")).expect(200);
    String lastName = Api.unique("Okafor").replace("-", "");
    long recipient =
        api.post(
                path + "/recipients",
                BOOTSTRAP,
                json(
                    "firstName",
                    "Chidi",
                    "lastName",
                    lastName,
                    "unit",
                    "7A",
                    "email",
                    lastName.toLowerCase() + "@residents.example.org"))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);

    DashboardPage dashboard = new DashboardPage(browser).open();
    dashboard.openSendSingleAccessPin();
    dashboard.selectRecipient(lastName.substring(0, 8), lastName);
    dashboard.showMoreOptions();
    LocalDateTime shown =
        LocalDateTime.parse(dashboard.expiry(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    Instant inTwoHours = Instant.now().plus(Duration.ofHours(2));
    assertAbout(inTwoHours, shown.atZone(ZoneId.of("America/New_York")).toInstant());
    browser.snapshot("generate-one-time-access-key-site-validity");

    dashboard.pressEnterInRecipient();
    browser.awaitText("A single access PIN was sent to Chidi " + lastName + " by email.");
    JsonObject key =
        api
            .get(path + "/recipients/" + recipient + "/access-keys", BOOTSTRAP)
            .expect(200)
            .array()
            .stream()
            .map(v -> v.asJsonObject())
            .filter(k -> k.getBoolean("singleUse") && "PIN".equals(k.getString("type")))
            .findFirst()
            .orElseThrow();
    assertAbout(Instant.now().plus(Duration.ofHours(2)), Instant.parse(key.getString("expiresAt")));
  }

  private static void assertAbout(Instant expected, Instant actual) {
    assertTrue(
        Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(3)) < 0,
        "expected about " + expected + ", got " + actual);
  }
}
