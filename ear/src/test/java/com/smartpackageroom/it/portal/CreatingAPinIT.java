package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 001, "Creating a PIN": My Account > My Access Keys > Manage > Generate PIN; the PIN signs in
 * at the kiosk and shows under the Shield.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreatingAPinIT {

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startMail() {
    mail = new Mailbox();
  }

  @AfterAll
  static void stopMail() {
    mail.close();
  }

  @Test
  void generatePinFromMyAccountThenSignInAtTheKioskAndSeeItUnderTheShield() {
    browser.base(base);
    browser.forget();
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);

    // "click the My Account icon in the upper-right, then select your name": the button's
    // accessible name says My Account and holds the name it shows (WCAG 2.5.3)
    Frame frame = new Frame(browser);
    String name = sam.firstName() + " " + sam.lastName();
    var button = frame.myAccountButton();
    assertEquals(name, button.getText().strip(), "the button shows my name");
    String accessibleName = button.getAttribute("aria-label");
    assertTrue(accessibleName.contains("My Account"), accessibleName);
    assertTrue(accessibleName.contains(name), accessibleName);
    frame.openMyAccountAs(name);
    assertEquals(
        "Staff",
        browser.driver().findElement(org.openqa.selenium.By.id("myRole")).getText().strip(),
        "my role in words");
    MyAccountPage account = new MyAccountPage(browser);
    String pin = account.generatePin();
    assertEquals(1, account.activeMarks(), "a check mark for the active PIN");

    api.signIn(site.kioskToken(), "pin", pin).expect(201);
    assertEquals(pin, new Frame(browser).shieldPin());
    browser.snapshot("shield");

    account.generateQrCode();
    assertEquals(2, account.activeMarks());
    browser.snapshot("my-access-keys");
  }

  /**
   * Seed 001's "Deactivating or Deleting a PIN" from My Account: My Access Keys, Deactivate (an x),
   * Reactivate (a check mark), Delete after a confirmation that says it cannot be undone (gone).
   */
  @Test
  void deactivateReactivateAndDeleteMyPinInMyAccount() {
    browser.base(base);
    browser.forget();
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    new Frame(browser).openMyAccount();
    MyAccountPage account = new MyAccountPage(browser);
    String pin = account.generatePin();
    assertEquals(1, account.activeMarks());

    account.deactivate();
    assertEquals(0, account.activeMarks(), "no check mark for a deactivated PIN");
    assertEquals(1, account.inactiveMarks(), "an x for a deactivated PIN");
    browser.snapshot("my-access-keys-deactivated");
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");

    account.reactivate();
    assertEquals(1, account.activeMarks(), "a check mark again");
    assertEquals(0, account.inactiveMarks());
    api.signIn(site.kioskToken(), "pin", pin).expect(201);

    String confirmation = account.askDelete();
    assertTrue(confirmation.contains("your PIN"), confirmation);
    assertTrue(confirmation.contains("cannot be undone"), confirmation);
    browser.snapshot("my-access-keys-delete");
    account.confirmDelete();
    browser.awaitText("You have no access keys at this site yet.");
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
  }
}
