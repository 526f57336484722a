package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static com.smartpackageroom.it.portal.PortalAccounts.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
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

/**
 * User Admin's actions in the portal: Invite (the email arrives), Resend invitation, Disable (that
 * person can no longer sign in) and Enable, Unlock, an administrator's Reset authenticator app;
 * Create courier, whose PIN then opens the kiosk; staff are refused each of them, and another
 * site's account is not found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffActionsIT {

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

  private void openStaff(String fullName) {
    browser.open("/useradmin/staff.xhtml");
    browser
        .await(
            d ->
                d.findElement(
                    By.xpath(
                        "//tr[td[normalize-space(.)='"
                            + fullName
                            + "']]//button[normalize-space(.)='View']")))
        .click();
    browser.awaitText("Staff Detail: " + fullName);
  }

  @Test
  void aPropertyManagerInvitesAStaffMemberAndResendsTheInvitation() {
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("User Admin", "Staff");
    browser.await(d -> d.getCurrentUrl().contains("/useradmin/staff") ? true : null);

    // a bad address is refused beside its field
    forms.type("invite", "Email", "not an address");
    forms.type("invite", "First name", "Dana");
    forms.type("invite", "Last name", "Okafor");
    forms.press("Invite");
    String refused = forms.errorBeside("invite", "Email");
    assertTrue(refused.startsWith("Email"), refused);

    String email = Api.unique("dana") + "@portal.example.org";
    forms.type("invite", "Email", email);
    forms.choose("invite", "Role", "Staff");
    forms.press("Invite");
    browser.awaitText("An invitation was sent to " + email);
    browser.snapshot("staff-invited");
    mail.await(email, "invited", 1);
    assertTrue(browser.bodyText().contains("Invited (has not set a password)"));
    assertFalse(
        browser.driver().getPageSource().contains("Administrator (every site)"),
        "only administrators invite administrators");

    // the same address again: refused, beside the field
    forms.type("invite", "Email", email);
    forms.type("invite", "First name", "Dana");
    forms.type("invite", "Last name", "Okafor");
    forms.press("Invite");
    assertTrue(
        forms.errorBeside("invite", "Email").contains("exists already"),
        "a second account with the address");

    openStaff("Dana Okafor");
    forms.press("Resend invitation");
    browser.awaitText("A new invitation was sent to " + email);
    browser.snapshot("staff-invitation-resent");
    mail.await(email, "invited", 2);

    // the resent link works
    browser.forget();
    browser.openUrl(mail.link(email, "invited"));
    browser.awaitText("Welcome, Dana.");
  }

  @Test
  void aDisabledAccountCannotSignInUntilEnabledAgain() throws Exception {
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    Person sam = accounts.withPassword(site.id(), "Sam", "STAFF");
    // Sam is signed in somewhere when the account is disabled
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    String samsSession = browser.sessionCookie().getValue();
    assertEquals(
        200, SignInPage.dashboardStatus(base, samsSession), "Sam's session opens the Dashboard");
    browser.forget();
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    openStaff(sam.firstName() + " " + sam.lastName());
    forms.press("Disable");
    browser.awaitText("can no longer sign in to the portal");
    browser.snapshot("staff-disable-confirmation");
    forms.press("Disable account");
    browser.awaitText("account is disabled");
    assertTrue(browser.bodyText().contains("Disabled"));
    browser.snapshot("staff-disabled");
    // the open session ends within seconds (the account is looked at again every 5 seconds)
    Thread.sleep(5_500);
    assertEquals(
        302,
        SignInPage.dashboardStatus(base, samsSession),
        "Sam's open session is sent to Secure Sign-In");

    browser.forget();
    String refused = new SignInPage(browser).open().refused(sam.email(), PASSWORD);
    assertFalse(refused.isBlank(), refused);
    // nor does their API token work
    assertEquals(
        401, api.get("/api/v1/sites/" + site.id() + "/couriers", tokenOfDisabled(sam)).status());

    browser.forget();
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    openStaff(sam.firstName() + " " + sam.lastName());
    forms.press("Enable");
    browser.awaitText("account is enabled again");
    browser.forget();
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
  }

  private String tokenOfDisabled(Person person) {
    return api.post("/api/v1/api-tokens", BOOTSTRAP, json("accountId", person.id(), "name", "it"))
        .expect(201)
        .json()
        .getString("token");
  }

  @Test
  void aPropertyManagerUnlocksALockedAccount() {
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    Person sam = accounts.withPassword(site.id(), "Sam", "STAFF");
    sql("UPDATE account SET locked_at = NOW(), failed_sign_ins = 100 WHERE id = ?", sam.id());
    String locked = new SignInPage(browser).open().refused(sam.email(), PASSWORD);
    assertTrue(locked.startsWith("This account is locked"), locked);

    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    openStaff(sam.firstName() + " " + sam.lastName());
    assertTrue(browser.bodyText().contains("Active, locked"));
    forms.press("Unlock");
    browser.awaitText("account is unlocked: they can sign in again");
    browser.snapshot("staff-unlocked");
    assertFalse(forms.offers("Unlock"));
    assertFalse(forms.offers("Reset authenticator app"), "administrators only");

    browser.forget();
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
  }

  @Test
  void anAdministratorResetsAnAuthenticatorApp() {
    Person admin = accounts.administrator("Alex");
    Person sam = accounts.withPassword(site.id(), "Sam", "STAFF");
    sql(
        "UPDATE account SET totp_secret_enc = 'lost-phone', totp_confirmed = TRUE WHERE id = ?",
        sam.id());
    // the administrator's first site (by name) is the one the portal opens with
    api.call("PATCH", "/api/v1/sites/" + site.id(), BOOTSTRAP, json("name", Api.unique("0 Reset")))
        .expect(200);

    SignInPage.signInFully(browser, mail, admin.email(), PASSWORD);
    openStaff(sam.firstName() + " " + sam.lastName());
    forms.press("Reset authenticator app");
    browser.awaitText("Do this when the phone is lost");
    browser.snapshot("staff-reset-authenticator-confirmation");
    browser.clickable("resetForm:confirmReset").click();
    browser.awaitText("authenticator app is removed");
    browser.snapshot("staff-authenticator-reset");
    assertTrue(browser.bodyText().contains("None (codes by email)"));

    // Sam signs in with an emailed code; the app is no longer offered
    browser.forget();
    new SignInPage(browser).open().signIn(sam.email(), PASSWORD);
    assertTrue(browser.driver().findElements(By.id("verify:useApp")).isEmpty());
  }

  @Test
  void aCourierCreatedInThePortalGetsAPin() {
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("User Admin", "Couriers");
    browser.await(d -> d.getCurrentUrl().contains("/useradmin/couriers") ? true : null);
    browser.awaitText("make a generic Courier account for each carrier");

    forms.type("create", "Name", "DHL courier");
    forms.type("create", "Carrier", "DHL");
    forms.type("create", "Phone", "not a phone");
    forms.press("Create courier");
    String refused = forms.errorBeside("create", "Phone");
    assertTrue(refused.startsWith("Phone"), refused);
    forms.type("create", "Phone", "(212) 555-0187");
    forms.press("Create courier");
    browser.awaitText("DHL courier is created");
    browser.snapshot("courier-created");

    browser
        .await(
            d ->
                d.findElement(
                    By.xpath(
                        "//tr[td[normalize-space(.)='DHL courier']]//button[normalize-space(.)='View']")))
        .click();
    browser.awaitText("Courier Detail: DHL courier");
    String pin = new AccessKeyMaintenancePage(browser).generatePin();
    assertTrue(pin.matches("\\d{6}"), pin);
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
  }

  @Test
  void aStaffMemberIsRefusedEachUserAdminAction() {
    Person sam = accounts.withPassword(site.id(), "Sam", "STAFF");
    Person kim = accounts.withPassword(site.id(), "Kim", "STAFF");
    api.newCourier(site.id());
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);

    // couriers: seen, not created (no form; the service refuses staff as well)
    new Frame(browser).menu("User Admin", "Couriers");
    browser.awaitText("UPS courier");
    assertFalse(forms.offers("Create courier"));
    assertFalse(browser.bodyText().contains("Create courier"));
    String samToken = api.tokenOf(sam.id());
    api.post(
            "/api/v1/sites/" + site.id() + "/couriers",
            samToken,
            json("name", "FedEx courier", "carrier", "FedEx"))
        .problem(403, "forbidden");

    // staff: neither the list nor a colleague's page with its actions
    browser.open("/useradmin/staff.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    browser.awaitText("User Admin is for property managers and administrators.");
    browser.open("/useradmin/staff-member.xhtml?id=" + kim.id());
    browser.awaitText("Staff member not found");
    for (String action : new String[] {"Disable", "Unlock", "Resend invitation", "Invite"}) {
      assertFalse(forms.offers(action), action);
    }
    String samActions = "/api/v1/sites/" + site.id() + "/staff/" + kim.id();
    api.post(samActions + "/disable", samToken, null).problem(403, "forbidden");
    api.post("/api/v1/accounts/" + kim.id() + "/unlock", samToken, null).problem(403, "forbidden");
    api.call("DELETE", "/api/v1/accounts/" + kim.id() + "/authenticator", samToken, null)
        .problem(403, "forbidden");
    browser.snapshot("staff-refused-user-admin");
  }

  @Test
  void anotherSitesAccountIsNotFoundByACraftedAddress() {
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    long otherSite = api.newSite(false).id();
    Person elsewhere = accounts.withPassword(otherSite, "Olu", "STAFF");
    sql("UPDATE account SET locked_at = NOW(), failed_sign_ins = 100 WHERE id = ?", elsewhere.id());
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    browser.open("/useradmin/staff-member.xhtml?id=" + elsewhere.id());
    browser.awaitText("Staff member not found");
    assertFalse(browser.bodyText().contains(elsewhere.email()));
    assertFalse(forms.offers("Unlock"));
    browser.snapshot("staff-other-site-not-found");
    String token = api.tokenOf(morgan.id());
    // the API refuses it too, as it refuses another site's staff member
    api.post("/api/v1/sites/" + site.id() + "/staff/" + elsewhere.id() + "/disable", token, null)
        .problem(403, "forbidden");
    api.post("/api/v1/sites/" + otherSite + "/staff/" + elsewhere.id() + "/disable", token, null)
        .problem(403, "forbidden");
    api.post("/api/v1/accounts/" + elsewhere.id() + "/unlock", token, null)
        .problem(403, "forbidden");
  }
}
