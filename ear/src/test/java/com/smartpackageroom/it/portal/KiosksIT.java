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

/**
 * Kiosks in the portal: a property manager registers a kiosk and sees its token once, sees a kiosk
 * that refuses everyone, clears it, rotates its token and retires it; staff are sent away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KiosksIT {

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
  void aPropertyManagerRegistersClearsRotatesAndRetiresAKiosk() {
    Person morgan = new PortalAccounts(api).withPassword(site, "Morgan", "PROPERTY_MANAGER");
    long courier = api.newCourier(site);
    String pin = api.newKey(site, "couriers", courier, "PIN").getString("pin");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    new Frame(browser).menu("Kiosks");
    browser.await(d -> d.getCurrentUrl().contains("/kiosks/") ? true : null);
    KiosksPage kiosks = new KiosksPage(browser);

    String token = kiosks.register("Mail room");
    api.signIn(token, "pin", pin).expect(201);
    browser.open("/kiosks/index.xhtml");
    assertFalse(browser.bodyText().contains(token), "the token is shown once");

    for (int i = 0; i < 5; i++) {
      api.signIn(token, "pin", pin.equals("730461") ? "582039" : "730461")
          .problem(401, "invalid-credential");
    }
    browser.open("/kiosks/index.xhtml");
    List<String> row = kiosks.row("Mail room");
    assertEquals("5", row.get(1), "failures within 24 hours: " + row);
    assertEquals("5", row.get(2), "failures in a row: " + row);
    assertFalse(row.get(3).equals("Answers"), "it refuses everyone for now: " + row);
    assertFalse(row.get(4).isEmpty(), "its last sign-in: " + row);
    api.signIn(token, "pin", pin).problem(429, "kiosk-throttled");

    kiosks.clearThrottle("Mail room");
    row = kiosks.row("Mail room");
    assertEquals("0", row.get(1), row.toString());
    assertEquals("Answers", row.get(3), row.toString());
    api.signIn(token, "pin", pin).expect(201);

    String rotated = kiosks.rotateToken("Mail room");
    assertFalse(rotated.equals(token));
    api.signIn(token, "pin", pin).problem(401, "invalid-kiosk-token");
    api.signIn(rotated, "pin", pin).expect(201);

    kiosks.retire("Mail room");
    api.signIn(rotated, "pin", pin).problem(401, "invalid-kiosk-token");
    assertFalse(browser.bodyText().contains("Clear throttle of Mail room"), "no longer listed");
    assertTrue(browser.bodyText().contains("Lobby"), "the site's other kiosk stays");
  }

  @Test
  void aStaffMemberIsSentAwayFromKiosks() {
    Person sam = new PortalAccounts(api).withPassword(site, "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.open("/kiosks/index.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    browser.awaitText("Kiosks are for property managers and administrators.");
    assertFalse(browser.bodyText().contains("Register Kiosk"));
  }
}
