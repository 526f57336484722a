package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Notifications page: failed messages with their last error, filtered by status and address;
 * Send again to the corrected address; the service's refusal (a key that no longer works) shown as
 * a message; staff are sent away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationsPortalIT {

  private static final String ERROR = "550 5.1.1 no such user";

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  Api api;
  long site;
  OpsPages page;

  @BeforeAll
  static void startMail() {
    mail = new Mailbox();
  }

  @AfterAll
  static void stopMail() {
    mail.close();
  }

  @BeforeEach
  void setUp() {
    browser.base(base);
    browser.forget();
    api = new Api(base);
    site = api.newSite(false).id();
    page = new OpsPages(browser);
  }

  /** The message to the address is made FAILED, as a mail server refusing it would leave it. */
  private long fail(String address) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      int changed =
          Api.sql(
              "UPDATE notification SET status = 'FAILED', last_error = ?, sent_at = NULL,"
                  + " attempts = 1 WHERE site_id = ? AND address = ? AND (status = 'SENT' OR"
                  + " (status = 'PENDING' AND claim_token IS NULL))",
              ERROR,
              site,
              address);
      if (changed == 1) {
        return api.get(
                "/api/v1/sites/" + site + "/notifications?status=FAILED&to=" + address, BOOTSTRAP)
            .expect(200)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no message to " + address);
  }

  private List<WebElement> rows() {
    return browser.driver().findElements(By.xpath("//div[@id='outbox:list']//tbody/tr"));
  }

  private void search() {
    WebElement before = browser.driver().findElement(By.id("outbox:list"));
    page.named("Search").click();
    browser.await(ExpectedConditions.stalenessOf(before));
  }

  @Test
  void aFailedMessageIsShownWithItsErrorAndSentAgainToTheCorrectedAddress() {
    Person morgan = new PortalAccounts(api).withPassword(site, "Morgan", "PROPERTY_MANAGER");
    String wrong = Api.unique("wrong") + "@portal.example.org";
    String corrected = Api.unique("right") + "@portal.example.org";
    String gone = Api.unique("gone") + "@portal.example.org";
    long recipient = api.newRecipient(site, wrong, null);
    api.newKey(site, "recipients", recipient, "PIN");
    long failed = fail(wrong);
    long other = api.newRecipient(site, gone, null);
    JsonObject key = api.newKey(site, "recipients", other, "PIN");
    long refused = fail(gone);
    api.post("/api/v1/access-keys/" + key.getJsonNumber("id") + "/deactivate", BOOTSTRAP, null)
        .expect(200);
    api.call(
            "PATCH",
            "/api/v1/sites/" + site + "/recipients/" + recipient,
            BOOTSTRAP,
            json("email", corrected))
        .expect(200);

    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("Notifications");
    browser.await(d -> d.getCurrentUrl().contains("/notifications/") ? true : null);
    page.choose("Status", "Failed");
    search();
    assertEquals(2, rows().size(), browser.bodyText());
    String row = rows().get(1).getText(); // newest first: the first failure is second
    assertTrue(row.contains(wrong), row);
    assertTrue(row.contains(ERROR), row);
    assertTrue(row.contains("Failed"), row);
    assertTrue(row.contains("Email"), row);
    browser.snapshot("notifications-failed");

    // the service's refusal: the key of that message no longer works
    page.named("Send message " + refused + " to " + gone + " again").click();
    browser.awaitText("no longer works");

    // filtered by address; sent again to the address the recipient has now
    browser.type(page.idOf("Address"), wrong);
    search();
    assertEquals(1, rows().size(), browser.bodyText());
    page.named("Send message " + failed + " to " + wrong + " again").click();
    browser.awaitText("is sent again to " + corrected);
    browser.await(d -> rows().get(0).getText().contains("sent again as") ? true : null);
    assertTrue(
        browser
            .driver()
            // its own button, by its whole name (the My Account button's name holds a random
            // hex that may contain the message's id)
            .findElements(
                By.xpath(
                    "//button[@aria-label='Send message " + failed + " to " + wrong + " again']"))
            .isEmpty(),
        "sent again once");
    browser.snapshot("notifications-sent-again");
    mail.await(corrected, "", 1);

    page.choose("Status", "Any status");
    browser.type(page.idOf("Address"), corrected);
    search();
    assertEquals(1, rows().size(), browser.bodyText());
    assertFalse(rows().get(0).getText().contains(ERROR));
  }

  @Test
  void aStaffMemberSeesEachMessagesStatusAndSendsARecipientsAgain() {
    // PRODUCT.md: "staff can see each message's status" (the front desk that sent a PIN)
    Person sam = new PortalAccounts(api).withPassword(site, "Sam", "STAFF");
    String address = Api.unique("desk") + "@portal.example.org";
    long recipient = api.newRecipient(site, address, null);
    api.newKey(site, "recipients", recipient, "PIN");
    long failed = fail(address);
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    new Frame(browser).menu("Notifications");
    browser.await(d -> d.getCurrentUrl().contains("/notifications/") ? true : null);
    browser.type(page.idOf("Address"), address);
    search();
    assertEquals(1, rows().size(), browser.bodyText());
    String row = rows().get(0).getText();
    assertTrue(row.contains("Failed") && row.contains(ERROR), row);
    page.named("Send message " + failed + " to " + address + " again").click();
    browser.awaitText("is sent again to " + address);
    mail.await(address, "", 1);

    // an invitation (a new colleague's address) is the managers' to see
    String invitee = Api.unique("new") + "@portal.example.org";
    api.post(
            "/api/v1/sites/" + site + "/staff",
            BOOTSTRAP,
            json("email", invitee, "firstName", "Nia", "lastName", "New", "role", "STAFF"))
        .expect(201);
    browser.type(page.idOf("Address"), invitee);
    search();
    assertFalse(browser.bodyText().contains(invitee), browser.bodyText());
  }
}
