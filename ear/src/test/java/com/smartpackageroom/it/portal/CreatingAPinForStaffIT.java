package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
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
 * "Creating a PIN or QR Code for Staff": a property manager opens User Admin > Staff, the View
 * arrow of a staff member, and generates a PIN and a QR code for them; the PIN signs in at the
 * kiosk. A staff member's detail page is not for staff.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreatingAPinForStaffIT {

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

  @Test
  void aPropertyManagerMakesAPinAndAQrCodeForAStaffMember() {
    PortalAccounts accounts = new PortalAccounts(api);
    Person morgan = accounts.withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    Person dana = accounts.withPassword(site.id(), "Dana", "STAFF");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("User Admin", "Staff");
    browser
        .await(
            d ->
                d.findElement(
                    By.xpath(
                        "//tr[td[contains(normalize-space(.),'"
                            + dana.email()
                            + "')]]//button[normalize-space(.)='View']")))
        .click();
    browser.awaitText("Staff Detail: Dana");
    AccessKeyMaintenancePage keys = new AccessKeyMaintenancePage(browser);
    String pin = keys.generatePin();
    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    browser
        .await(
            d -> d.findElement(By.xpath("//button[normalize-space(.)='Access Key Maintenance']")))
        .click();
    browser
        .await(d -> d.findElement(By.xpath("//*[normalize-space(.)='Generate QR Code']")))
        .click();
    browser.await(
        d -> d.findElements(By.xpath("//img[@alt='QR code of this key']")).isEmpty() ? null : true);
    assertTrue(keys.showsActiveCheckMark());
  }

  @Test
  void aStaffMemberCannotOpenAnotherStaffMembersDetail() {
    PortalAccounts accounts = new PortalAccounts(api);
    Person sam = accounts.withPassword(site.id(), "Sam", "STAFF");
    Person dana = accounts.withPassword(site.id(), "Dana", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.open("/useradmin/staff-member.xhtml?id=" + dana.id());
    browser.awaitText("Staff member not found");
    assertTrue(!browser.bodyText().contains("Generate PIN"));
  }
}
