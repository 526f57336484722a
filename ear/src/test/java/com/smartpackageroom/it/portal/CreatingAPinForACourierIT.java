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
import org.openqa.selenium.By;

/**
 * Seed 003, "Creating a PIN for a Courier", and "Customizing a Courier or Staff PIN": Menu, User
 * Admin, Couriers, the View arrow, Access Key Maintenance, Generate PIN; a duplicate chosen PIN is
 * refused beside the field; the chosen PIN signs in at the kiosk. Staff see but do not change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreatingAPinForACourierIT {

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

  private void openCourier(String name) {
    new Frame(browser).menu("User Admin", "Couriers");
    browser.await(d -> d.getCurrentUrl().contains("/useradmin/couriers") ? true : null);
    browser
        .await(
            d ->
                d.findElement(
                    By.xpath(
                        "//tr[td[normalize-space(.)='"
                            + name
                            + "']]//button[normalize-space(.)='View']")))
        .click();
    browser.awaitText("Courier Detail: " + name);
  }

  @Test
  void aPropertyManagerGeneratesAndCustomizesACourierPin() {
    Person morgan = new PortalAccounts(api).withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    api.newCourier(site.id()); // "UPS courier"
    long other =
        api.post(
                "/api/v1/sites/" + site.id() + "/couriers",
                Api.BOOTSTRAP,
                Api.json("name", "FedEx courier", "carrier", "FedEx"))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    String taken = api.newKey(site.id(), "couriers", other, "PIN").getString("pin");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);

    openCourier("UPS courier");
    AccessKeyMaintenancePage keys = new AccessKeyMaintenancePage(browser);
    String pin = keys.generatePin();
    assertTrue(pin.matches("\\d{6}"), pin);
    assertTrue(keys.showsActiveCheckMark(), "a check mark for the active PIN");
    api.signIn(site.kioskToken(), "pin", pin).expect(201);

    String refused = keys.customize(taken);
    assertTrue(refused.contains("This PIN is not available"), refused);
    String chosen = taken.equals("583920") ? "583921" : "583920";
    assertEquals("", keys.customize(chosen), "saved");
    browser.awaitText("The PIN is now " + chosen);
    api.signIn(site.kioskToken(), "pin", chosen).expect(201);
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
  }

  @Test
  void staffSeeCouriersButDoNotChangeThemAndAnotherSitesCourierIsNotFound() {
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    long courier = api.newCourier(site.id());
    long elsewhere = api.newCourier(api.newSite(false).id());
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    openCourier("UPS courier");
    assertFalse(new AccessKeyMaintenancePage(browser).offered(), "no Access Key Maintenance");
    browser.open("/useradmin/courier.xhtml?id=" + elsewhere);
    browser.awaitText("Courier not found");
    browser.open("/useradmin/courier.xhtml?id=" + courier);
    browser.awaitText("Courier Detail: UPS courier");
  }
}
