package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
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

/** User Admin > Staff is for property managers and administrators: staff are sent away. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserAdminIT {

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  Api api;
  long site;

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
  }

  @Test
  void aStaffMemberIsSentAwayFromUserAdminStaff() {
    Person sam = new PortalAccounts(api).withPassword(site, "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.open("/useradmin/staff.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    browser.awaitText("User Admin is for property managers and administrators.");
    browser.snapshot("staff-sent-away");
    assertFalse(browser.bodyText().contains(sam.email()));
  }

  @Test
  void aPropertyManagerSeesTheSiteStaffThroughTheMenu() {
    PortalAccounts accounts = new PortalAccounts(api);
    Person sam = accounts.withPassword(site, "Sam", "STAFF");
    Person morgan = accounts.withPassword(site, "Morgan", "PROPERTY_MANAGER");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("User Admin", "Staff");
    browser.await(d -> d.getCurrentUrl().contains("/useradmin/staff") ? true : null);
    browser.awaitText(sam.email());
    browser.snapshot("user-admin-staff");
    assertTrue(browser.bodyText().contains("Property Manager"));
  }

  @Test
  void aPropertyManagerOfTwoSitesSwitchesSitesAndSeesEachSitesRecipients() {
    long other = api.newSite(false).id();
    Person morgan = new PortalAccounts(api).withPassword(site, "Morgan", "PROPERTY_MANAGER");
    PortalAccounts.sql(
        "INSERT INTO account_site (account_id, site_id) VALUES (?, ?)", morgan.id(), other);
    String siteName = siteName(site);
    String otherName = siteName(other);
    String here = recipientName(site);
    String there = recipientName(other);

    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    browser.open("/recipients/index.xhtml");
    Forms forms = new Forms(browser);
    if (!forms.chosen("frame", "Site").equals(siteName)) {
      forms.choose("frame", "Site", siteName);
    }
    browser.awaitText(here);
    assertFalse(browser.bodyText().contains(there));

    forms.choose("frame", "Site", otherName);
    browser.awaitText(there);
    browser.snapshot("site-switched");
    assertFalse(browser.bodyText().contains(here));
    assertEquals(otherName, forms.chosen("frame", "Site"));

    // the choice holds on the next page
    new Frame(browser).menu("Dashboard");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    assertEquals(otherName, forms.chosen("frame", "Site"));
    browser.open("/recipients/index.xhtml");
    browser.awaitText(there);
    assertFalse(browser.bodyText().contains(here));

    forms.choose("frame", "Site", siteName);
    browser.awaitText(here);
    assertFalse(browser.bodyText().contains(there));
  }

  private String siteName(long id) {
    return api.get("/api/v1/sites/" + id, Api.BOOTSTRAP).expect(200).json().getString("name");
  }

  /** A recipient of the site, by the last name the list shows. */
  private String recipientName(long siteId) {
    long id = api.newRecipient(siteId, Api.unique("r") + "@example.org", null);
    return api.get("/api/v1/sites/" + siteId + "/recipients/" + id, Api.BOOTSTRAP)
        .expect(200)
        .json()
        .getString("lastName");
  }
}
