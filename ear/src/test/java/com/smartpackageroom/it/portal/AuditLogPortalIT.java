package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Audit log page: a PIN looked up in the portal shows there, filtered by date range, person and
 * event type as the API filters; Export CSV downloads what GET .../audit-events.csv gives with the
 * same filters; a date range the wrong way round is refused beside the field; staff are sent away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditLogPortalIT {

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

  /** Types a date into a date picker and leaves it (its calendar closes). */
  private void date(String label, LocalDate day) {
    String id = page.idOf(label);
    WebElement field = browser.visible(id);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(day.toString(), Keys.TAB);
  }

  /** The log names whose key was used: a staff member, a courier (and a resident, above). */
  @Test
  void theHoldersOfKeysUsedAtAKioskAreNamed() {
    Person morgan = new PortalAccounts(api).withPassword(site, "Morgan", "PROPERTY_MANAGER");
    String kiosk =
        api.post("/api/v1/sites/" + site + "/kiosks", BOOTSTRAP, Api.json("name", "Lobby"))
            .expect(201)
            .json()
            .getString("token");
    long staff = api.newStaff(site, "Sam", "Desk", "STAFF");
    long courier = api.newCourier(site);
    api.signIn(kiosk, "pin", api.newKey(site, "staff", staff, "PIN").getString("pin")).expect(201);
    api.signIn(kiosk, "pin", api.newKey(site, "couriers", courier, "PIN").getString("pin"))
        .expect(201);
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("Audit log");
    browser.await(d -> d.getCurrentUrl().contains("/audit/") ? true : null);
    String table = browser.driver().findElement(By.id("events:list")).getText();
    assertTrue(table.contains("Sam Desk (staff)"), table);
    assertTrue(table.contains("UPS courier (courier)"), table);
    assertFalse(table.contains("STAFF " + staff), table);
  }

  @Test
  void aPinLookedUpInThePortalShowsInTheFilteredLogAndItsCsv() throws Exception {
    Person morgan = new PortalAccounts(api).withPassword(site, "Morgan", "PROPERTY_MANAGER");
    long recipient = api.newRecipient(site, Api.unique("ana") + "@portal.example.org", null);
    String pin = api.newKey(site, "recipients", recipient, "PIN").getString("pin");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);

    // Shield > Look up PIN > Confirm on the Recipient Detail View (audited)
    browser.open("/recipients/recipient.xhtml?id=" + recipient);
    page.named("Shield").click();
    page.named("Look up PIN").click();
    browser.awaitText("Confirm that the recipient is who they say they are");
    page.named("Confirm").click();
    assertEquals(pin, browser.visible("confirmForm:lookedUpPin").getText().strip());

    browser.open("/dashboard/index.xhtml");
    new Frame(browser).menu("Audit log");
    browser.await(d -> d.getCurrentUrl().contains("/audit/") ? true : null);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    date("From", today.minusDays(1));
    date("To", today.plusDays(1));
    page.choose("Person", morgan.firstName() + " " + morgan.lastName());
    page.choose("Event type", "Key viewed");
    WebElement before = browser.driver().findElement(By.id("events:list"));
    page.named("Search").click();
    browser.await(ExpectedConditions.stalenessOf(before));
    List<WebElement> rows =
        browser.driver().findElements(By.xpath("//div[@id='events:list']//tbody/tr"));
    assertEquals(1, rows.size(), browser.bodyText());
    String row = rows.get(0).getText();
    assertTrue(row.contains("Key viewed"), row);
    assertTrue(row.contains(morgan.firstName() + " " + morgan.lastName()), row);
    String holder =
        api.get("/api/v1/sites/" + site + "/recipients/" + recipient, BOOTSTRAP)
            .expect(200)
            .json()
            .getString("lastName");
    assertTrue(row.contains("Ana " + holder + " (resident)"), "the holder by name: " + row);
    assertTrue(row.contains("PIN "), row);
    browser.snapshot("audit-log-filtered");

    // Export CSV: the API's export with the same filters, byte for byte
    String href = browser.visible("exportCsv").getAttribute("href");
    assertTrue(href.contains("type=KEY_VIEWED"), href);
    assertTrue(href.contains("actor=account%3A" + morgan.id()), href);
    HttpResponse<String> csv = OpsPages.fetch(browser, base, href);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    String query = URI.create(href).getRawQuery();
    String fromApi =
        api.get("/api/v1/sites/" + site + "/audit-events.csv?" + query, BOOTSTRAP)
            .expect(200)
            .body();
    assertEquals(fromApi, csv.body());
    assertEquals(2, csv.body().strip().split("\n").length, csv.body()); // header and one event
    assertTrue(csv.body().contains("KEY_VIEWED"), csv.body());

    // a range the wrong way round: beside "To"
    date("From", today.plusDays(2));
    date("To", today);
    page.named("Search").click();
    browser.awaitText("To must be the day of From or later.");
    browser.snapshot("audit-log-bad-range");
  }

  @Test
  void aStaffMemberIsSentAwayFromTheAuditLog() {
    Person sam = new PortalAccounts(api).withPassword(site, "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.open("/audit/index.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    browser.awaitText("The audit log is for property managers and administrators.");
    HttpResponse<String> csv;
    try {
      csv = OpsPages.fetch(browser, base, "/downloads/audit-events.csv");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertEquals(403, csv.statusCode(), csv.body());
    assertFalse(csv.body().contains("occurredAt"), csv.body());
  }
}
