package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
import java.net.URL;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Recipients in the portal ("Managing Recipient's Accounts"): Add Recipient by hand with each
 * refusal beside its field, Edit, Move Out (then listed only when moved-out recipients are asked
 * for), Erase after a confirmation that it cannot be undone; an imported recipient is read-only;
 * Access Key Maintenance of a recipient ("Deactivating or Deleting a PIN"). Seed 002's path with
 * the email and the other site's recipient are RecipientDetailIT's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecipientsPortalIT {

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
                "//*[(self::button or self::a or @role='menuitem') and (@aria-label='"
                    + name
                    + "' or (not(@aria-label) and normalize-space(.)='"
                    + name
                    + "'))]")));
  }

  /** The visible field labelled so, as a screen reader finds it (once its dialog has opened). */
  private WebElement field(String label) {
    List<WebElement> labels =
        browser.await(
            d -> {
              List<WebElement> shown =
                  d.findElements(By.xpath("//label[normalize-space(.)='" + label + "']")).stream()
                      .filter(WebElement::isDisplayed)
                      .toList();
              return shown.isEmpty() ? null : shown;
            });
    assertEquals(1, labels.size(), "one visible field labelled " + label);
    return browser.visible(labels.get(0).getAttribute("for"));
  }

  private void type(String label, String text) {
    WebElement input = field(label);
    input.clear();
    if (!text.isEmpty()) {
      input.sendKeys(text);
    }
  }

  /** The message beside the field (its p:message, id of the input + "Message"). */
  private String besideField(String formId, String fieldId) {
    return browser.await(
        d -> {
          String text = d.findElement(By.id(formId + ":" + fieldId + "Message")).getText().strip();
          return text.isEmpty() ? null : text;
        });
  }

  private void submit(String buttonName, String formId) {
    WebElement before = browser.driver().findElement(By.id(formId));
    named(buttonName).click();
    browser.await(ExpectedConditions.stalenessOf(before)); // the form was re-rendered
  }

  private void search(String text) {
    WebElement query = field("Search");
    query.clear();
    query.sendKeys(text);
    WebElement before = browser.driver().findElement(By.id("search:results"));
    named("Search").click();
    browser.await(ExpectedConditions.stalenessOf(before));
  }

  private String results() {
    return browser.driver().findElement(By.id("search:results")).getText();
  }

  @Test
  void staffAddEditMoveOutAndEraseARecipient() {
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    String taken = Api.unique("R");
    api.post(
            "/api/v1/sites/" + site.id() + "/recipients",
            Api.BOOTSTRAP,
            Api.json("firstName", "Bo", "lastName", "Taken", "unit", "1A", "externalId", taken))
        .expect(201);
    String last = Api.unique("Okafor");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    new Frame(browser).menu("Recipients");
    browser.await(d -> d.getCurrentUrl().contains("/recipients/") ? true : null);

    named("Add Recipient").click();
    browser.visible("addForm:firstName");
    browser.snapshot("recipients-add");
    submit("Add", "addForm");
    assertEquals("First name is required", besideField("addForm", "firstName"));

    type("First name", "Chidi");
    type("Last name", last);
    type("Unit", "4C");
    type("Email", "not-an-email");
    submit("Add", "addForm");
    assertEquals("Email is not a valid email address", besideField("addForm", "email"));

    type("Email", "chidi." + last.toLowerCase() + "@portal.example.org");
    type("Phone", "12");
    submit("Add", "addForm");
    assertTrue(besideField("addForm", "phone").startsWith("Phone"), "the phone is refused");

    type("Phone", "(212) 555-0147");
    type("Resident ID (optional)", taken);
    submit("Add", "addForm");
    String duplicate = besideField("addForm", "externalId");
    assertTrue(duplicate.contains("Another recipient of this site has Resident ID"), duplicate);
    browser.snapshot("recipients-add-refused");

    type("Resident ID (optional)", "");
    named("Add").click();
    browser.awaitText("Chidi " + last + " was added.");
    browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("addDialog")));

    search(last);
    assertTrue(results().contains("+12125550147"), results());
    browser
        .await(
            d ->
                d.findElement(
                    By.xpath(
                        "//tr[td[contains(normalize-space(.),'"
                            + last
                            + "')]]//button[normalize-space(.)='View']")))
        .click();
    browser.awaitText("Recipient Detail View: Chidi " + last);
    assertTrue(browser.bodyText().contains("Added by hand"));

    named("Edit").click();
    assertEquals("4C", field("Unit").getAttribute("value"));
    type("Unit", "");
    submit("Save", "editForm");
    assertEquals("Unit is required", besideField("editForm", "unit"));
    type("Unit", "7D");
    named("Save").click();
    browser.awaitText("Chidi " + last + "'s details are saved.");
    browser.await(
        d ->
            d.findElement(By.cssSelector("dl.spr-details")).getText().contains("7D") ? true : null);

    new AccessKeyMaintenancePage(browser).generatePin();
    named("Move Out").click();
    browser.awaitText("no longer lives here");
    browser.snapshot("recipient-move-out");
    browser.click("moveOutForm:confirmMoveOut");
    browser.awaitText("Chidi " + last + " has moved out");
    browser.await(
        d ->
            d.findElement(By.cssSelector("dl.spr-details")).getText().contains("Moved out")
                ? true
                : null);
    assertTrue(
        browser.driver().findElements(By.xpath("//table//span[@aria-label='Active']")).isEmpty(),
        "the keys are deactivated");

    new Frame(browser).menu("Recipients");
    browser.await(d -> d.getCurrentUrl().contains("/recipients/index") ? true : null);
    search(last);
    browser.await(d -> results().contains("No recipient matches.") ? true : null);
    WebElement before = browser.driver().findElement(By.id("search:results"));
    String checkboxId =
        browser
            .driver()
            .findElement(By.xpath("//label[normalize-space(.)='Show moved-out recipients']"))
            .getAttribute("for");
    browser
        .driver()
        .findElement(By.id(checkboxId))
        .findElement(By.xpath("ancestor::div[contains(@class,'ui-chkbox')][1]"))
        .findElement(By.cssSelector(".ui-chkbox-box"))
        .click();
    browser.await(ExpectedConditions.stalenessOf(before));
    browser.await(d -> results().contains(last) ? true : null);
    assertTrue(results().contains("Moved out"), results());
    browser.snapshot("recipients-moved-out");

    browser
        .driver()
        .findElement(
            By.xpath(
                "//tr[td[contains(normalize-space(.),'"
                    + last
                    + "')]]//button[normalize-space(.)='View']"))
        .click();
    browser.awaitText("Recipient Detail View: Chidi " + last);
    String id = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
    named("Erase").click();
    browser.awaitText("cannot be undone");
    browser.snapshot("recipient-erase");
    browser.click("eraseForm:confirmErase");
    // a full page request: back on Recipients, told so
    browser.await(d -> d.getCurrentUrl().contains("/recipients/index") ? true : null);
    browser.await(
        d -> {
          try {
            return d.findElement(By.tagName("body"))
                    .getText()
                    .contains("Chidi " + last + " was erased.")
                ? true
                : null;
          } catch (StaleElementReferenceException e) {
            return null; // the page was still loading
          }
        });
    api.get("/api/v1/sites/" + site.id() + "/recipients/" + id, Api.BOOTSTRAP).expect(404);
  }

  @Test
  void aRecipientsAccessKeysAreMaintainedAndAnImportedRecipientIsReadOnly() {
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    long recipient = api.newRecipient(site.id(), Api.unique("ana") + "@portal.example.org", null);
    Api.sql("UPDATE recipient SET source = 'IMPORT' WHERE id = ?", recipient);
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.open("/recipients/recipient.xhtml?id=" + recipient);
    browser.awaitText("managed by your property-management system");
    assertTrue(browser.driver().findElements(By.id("manage:edit")).isEmpty(), "no Edit");
    assertTrue(browser.driver().findElements(By.id("manage:moveOut")).isEmpty(), "no Move Out");

    AccessKeyMaintenancePage keys = new AccessKeyMaintenancePage(browser);
    String pin = keys.generatePin();
    assertTrue(pin.matches("\\d{6}"), pin);
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    named("Access Key Maintenance").click();
    named("Generate QR Code").click();
    browser.await(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//table//img[@alt='QR code of this key']")));
    browser.snapshot("recipient-keys");

    WebElement before = browser.driver().findElement(By.id("keys:list"));
    browser
        .driver()
        .findElement(
            By.xpath(
                "//tr[td//span[contains(@class,'spr-pin')]]//button[normalize-space(.)='Deactivate']"))
        .click();
    browser.await(ExpectedConditions.stalenessOf(before));
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
    before = browser.driver().findElement(By.id("keys:list"));
    browser
        .await(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//table//button[normalize-space(.)='Reactivate']")))
        .click();
    browser.await(ExpectedConditions.stalenessOf(before));
    api.signIn(site.kioskToken(), "pin", pin).expect(201);

    int rows = browser.driver().findElements(By.xpath("//div[@id='keys:list']//tbody/tr")).size();
    browser.driver().findElement(By.xpath("//table//button[normalize-space(.)='Delete']")).click();
    browser.awaitText("cannot be undone");
    browser.click("deleteForm:confirmDelete");
    browser.await(
        d ->
            d.findElements(By.xpath("//div[@id='keys:list']//tbody/tr")).size() < rows
                ? true
                : null);
    assertFalse(browser.bodyText().contains("Move Out"));
  }
}
