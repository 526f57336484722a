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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * API tokens (created, shown once, working, revoked), Settings (kept; a bad value refused beside
 * its field; an administrator creates a site), the Dashboard's figures; staff are refused API
 * tokens and Settings.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsTokensDashboardIT {

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  Api api;
  Api.Site site;
  PortalAccounts accounts;
  Forms forms;

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
    accounts = new PortalAccounts(api);
    forms = new Forms(browser);
  }

  @Test
  void anApiTokenIsShownOnceWorksAndIsRefusedOnceRevoked() {
    Person admin = accounts.administrator("Alex");
    SignInPage.signInFully(browser, mail, admin.email(), PASSWORD);
    new Frame(browser).menu("API tokens");
    browser.await(d -> d.getCurrentUrl().contains("/tokens/") ? true : null);

    forms.press("Create token");
    assertTrue(forms.errorBeside("create", "Token name").startsWith("Token name is required"));

    String name = Api.unique("Yardi sync");
    forms.type("create", "Token name", name);
    forms.press("Create token");
    String token =
        browser.await(
            d -> {
              String value = forms.field("tokenForm", "API token").getAttribute("value");
              return value != null && value.startsWith("spr_") ? value : null;
            });
    assertTrue(forms.offers("Copy Token"));
    browser.snapshot("api-token-shown-once");
    api.get("/api/v1/sites", token).expect(200);

    forms.press("Done");
    browser.open("/tokens/index.xhtml");
    browser.awaitText(name);
    assertFalse(browser.bodyText().contains(token), "the token is shown once");

    forms.press("Revoke " + name);
    browser.awaitText("cannot be undone");
    browser.snapshot("api-token-revoke-confirmation");
    forms.press("Revoke token");
    browser.awaitText("The token " + name + " is revoked");
    browser.snapshot("api-tokens");
    assertEquals(401, api.get("/api/v1/sites", token).status());
  }

  @Test
  void settingsAreKeptAndABadValueIsRefusedBesideItsField() {
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("Settings");
    browser.await(d -> d.getCurrentUrl().contains("/settings/") ? true : null);
    assertFalse(browser.bodyText().contains("Create site"), "administrators only");
    assertEquals("24", forms.field("site", "Valid for").getAttribute("value"));

    forms.type("site", "Valid for", "45");
    forms.choose("site", "Unit", "days");
    forms.check("site", "Use the server's default", false);
    forms.press("Save");
    assertEquals("Choose from 1 minute to 30 days.", forms.errorBeside("site", "Valid for"));
    browser.snapshot("settings-refused");

    forms.type("site", "Site name", " ");
    forms.type("site", "Valid for", "3");
    forms.press("Save");
    assertEquals("Site name is required.", forms.errorBeside("site", "Site name"));

    String renamed = Api.unique("Riverside");
    forms.type("site", "Site name", renamed);
    forms.choose("site", "Time zone", "Europe/Paris");
    forms.check("site", "Request PIN at the kiosk", true);
    forms.press("Save");
    browser.awaitText("The settings of " + renamed + " are saved.");

    browser.open("/settings/index.xhtml");
    assertEquals(renamed, forms.field("site", "Site name").getAttribute("value"));
    assertEquals("Europe/Paris", forms.chosen("site", "Time zone"));
    assertEquals("3", forms.field("site", "Valid for").getAttribute("value"));
    assertEquals("days", forms.chosen("site", "Unit"));
    browser.snapshot("settings-saved");

    JsonObject saved = api.get("/api/v1/sites/" + site.id(), BOOTSTRAP).expect(200).json();
    assertEquals(renamed, saved.getString("name"));
    assertEquals("Europe/Paris", saved.getString("timeZone"));
    assertTrue(saved.getBoolean("requestPinEnabled"));
    assertEquals("PT72H", saved.getString("singleAccessPinValidity"));
  }

  @Test
  void anAdministratorCreatesASite() {
    Person admin = accounts.administrator("Alex");
    SignInPage.signInFully(browser, mail, admin.email(), PASSWORD);
    browser.open("/settings/index.xhtml");
    browser.awaitText("Create site");
    forms.press("Create site");
    assertEquals("Site name is required.", forms.errorBeside("newSite", "Site name"));
    String name = Api.unique("Harbor View");
    forms.type("newSite", "Site name", name);
    forms.choose("newSite", "Time zone", "America/Chicago");
    forms.press("Create site");
    browser.awaitText(name + " is created");
    browser.snapshot("settings-site-created");
    assertTrue(
        api.get("/api/v1/sites", BOOTSTRAP).expect(200).array().stream()
            .map(JsonObject.class::cast)
            .anyMatch(
                s ->
                    s.getString("name").equals(name)
                        && s.getString("timeZone").equals("America/Chicago")));
  }

  @Test
  void theDashboardShowsTheSitesFigures() {
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    long ana = api.newRecipient(site.id(), Api.unique("ana") + "@example.org", null);
    api.newRecipient(site.id(), Api.unique("bo") + "@example.org", null);
    api.newKey(site.id(), "recipients", ana, "PIN");
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
    Api.sql(
        "UPDATE notification SET status = 'FAILED', last_error = '550 5.1.1 no such user'"
            + " WHERE site_id = ? AND claim_token IS NULL",
        site.id());
    importAndWait(
        "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,"
            + "Move In,Move Out\r\n"
            + "RIVERSIDE,101,r0001,Current,Cy,Imported,"
            + Api.unique("cy")
            + "@example.org,,,01/01/2024,\r\n");
    JsonObject expected =
        api.get("/api/v1/sites/" + site.id() + "/dashboard", BOOTSTRAP).expect(200).json();

    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    browser.awaitText("Active recipients");
    browser.snapshot("dashboard-figures");
    assertEquals("3", figure("activeRecipients"));
    assertEquals(String.valueOf(expected.getInt("keysIssuedThisWeek")), figure("keysIssued"));
    assertTrue(expected.getInt("keysIssuedThisWeek") >= 1, expected.toString());
    assertEquals(String.valueOf(expected.getInt("messagesFailed")), figure("messagesFailed"));
    assertEquals("1", figure("kiosksThrottled"));
    assertEquals("Completed", figure("lastImport"));
    assertTrue(browser.visible("lastImport").getText().contains("1 new"));
    assertTrue(link("activeRecipients").endsWith("/recipients/index.xhtml"));
    assertTrue(link("messagesFailed").endsWith("/notifications/index.xhtml?status=FAILED"));
    assertTrue(link("lastImport").endsWith("/imports/index.xhtml"));
    assertTrue(link("kiosksThrottled").endsWith("/kiosks/index.xhtml"));

    browser.driver().findElement(By.id("kiosksThrottled")).click();
    browser.await(d -> d.getCurrentUrl().contains("/kiosks/") ? true : null);
    browser.awaitText("Back door");

    // staff see the figures of the screens they open only
    Person sam = accounts.withPassword(site.id(), "Sam", "STAFF");
    browser.forget();
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.awaitText("Active recipients");
    assertEquals("3", figure("activeRecipients"));
    assertTrue(browser.driver().findElements(By.id("lastImport")).isEmpty());
    assertTrue(browser.driver().findElements(By.id("kiosksThrottled")).isEmpty());
    browser.snapshot("dashboard-figures-staff");
  }

  /** A recipient import (Yardi's layout) through the API, waited for until it ends. */
  private void importAndWait(String csv) {
    long id =
        api.postCsv(
                "/api/v1/sites/" + site.id() + "/imports?layout=yardi&mode=incremental",
                BOOTSTRAP,
                csv)
            .expect(202)
            .json()
            .getJsonNumber("id")
            .longValue();
    long deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      String status =
          api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json().getString("status");
      if (List.of("COMPLETED", "FAILED", "STOPPED").contains(status)) {
        assertEquals("COMPLETED", status);
        return;
      }
      Forms.pause(250);
    }
    throw new AssertionError("import " + id + " did not end within 90 s");
  }

  private String figure(String id) {
    return browser.visible(id).findElement(By.cssSelector(".spr-figure-value")).getText().strip();
  }

  private String link(String id) {
    WebElement figure = browser.visible(id);
    return figure.getAttribute("href");
  }

  @Test
  void aStaffMemberIsRefusedApiTokensAndSettings() {
    Person sam = accounts.withPassword(site.id(), "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.click("frame:menuButton");
    List<String> menu =
        browser
            .driver()
            .findElements(By.cssSelector("#frame\\:mainMenu .ui-menuitem-text"))
            .stream()
            .map(WebElement::getText)
            .toList();
    assertFalse(menu.contains("API tokens"), menu.toString());
    assertFalse(menu.contains("Settings"), menu.toString());

    browser.open("/tokens/index.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    browser.awaitText("API tokens are for administrators.");
    browser.snapshot("staff-refused-api-tokens");

    browser.open("/settings/index.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    browser.awaitText("Settings are for property managers and administrators.");
    assertFalse(browser.bodyText().contains("Save"));

    String token = api.tokenOf(sam.id());
    api.call("PATCH", "/api/v1/sites/" + site.id(), token, json("name", "Mine now"))
        .problem(403, "forbidden");
    api.get("/api/v1/api-tokens", token).problem(403, "forbidden");
  }
}
