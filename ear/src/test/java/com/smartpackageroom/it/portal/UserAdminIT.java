package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
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
}
