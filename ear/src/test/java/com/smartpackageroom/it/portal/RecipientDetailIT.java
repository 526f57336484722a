package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
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
 * Seed 002's Recipients path and "Looking Up a Recipient's PIN": Recipients, search by name with
 * the Search icon, the View arrow, the Shield of the Recipient Detail View: Send Single Access PIN
 * (the email arrives with the PIN) and Look up PIN after confirming who the recipient is (audited).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecipientDetailIT {

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  Api api;
  Api.Site site;

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
    site = api.newSite(false);
  }

  private WebElement named(String name) {
    return browser.await(
        ExpectedConditions.elementToBeClickable(
            By.xpath(
                "//*[(self::button or self::a) and (@aria-label='"
                    + name
                    + "' or (not(@aria-label) and normalize-space(.)='"
                    + name
                    + "'))]")));
  }

  @Test
  void staffSendASingleAccessPinFromTheDetailViewAndLookUpTheRecipientsPin() throws Exception {
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    String email = Api.unique("ana") + "@portal.example.org";
    long recipient = api.newRecipient(site.id(), email, null);
    String lastName =
        api.get("/api/v1/sites/" + site.id() + "/recipients/" + recipient, Api.BOOTSTRAP)
            .expect(200)
            .json()
            .getString("lastName");
    String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);

    new Frame(browser).menu("Recipients");
    browser.await(d -> d.getCurrentUrl().contains("/recipients/") ? true : null);
    WebElement search =
        browser.visible(
            browser
                .await(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//label[normalize-space(.)='Search']")))
                .getAttribute("for"));
    search.sendKeys(lastName);
    WebElement before = browser.driver().findElement(By.id("search:results"));
    named("Search").click();
    browser.await(ExpectedConditions.stalenessOf(before)); // the results came back
    browser
        .await(
            d ->
                d.findElement(
                    By.xpath(
                        "//tr[td[contains(normalize-space(.),'"
                            + lastName
                            + "')]]//button[normalize-space(.)='View']")))
        .click();
    browser.awaitText("Recipient Detail View: Ana " + lastName);

    named("Shield").click();
    named("Send Single Access PIN").click();
    browser.visible("sapForm:via"); // "Send notification via" is offered at once
    named("Generate").click();
    browser.awaitText("A single access PIN was sent to Ana " + lastName);
    MimeMessage sent = mail.await(email, "one-time", 1);
    assertTrue(Mailbox.text(sent).matches("(?s).*\\b\\d{6}\\b.*"), "the email carries a PIN");

    named("Shield").click();
    named("Look up PIN").click();
    browser.awaitText("Confirm that the recipient is who they say they are");
    named("Confirm").click();
    assertEquals(pin, browser.visible("confirmForm:lookedUpPin").getText().strip());
    String audit =
        api.get("/api/v1/sites/" + site.id() + "/audit-events?type=KEY_VIEWED", Api.BOOTSTRAP)
            .expect(200)
            .body();
    assertTrue(audit.contains("sam") || audit.contains("account:"), audit);
  }

  @Test
  void anotherSitesRecipientIsNotFound() {
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    long elsewhere = api.newRecipient(api.newSite(false).id(), Api.unique("x") + "@e.org", null);
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.open("/recipients/recipient.xhtml?id=" + elsewhere);
    browser.awaitText("Recipient not found");
  }
}
