package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static com.smartpackageroom.it.portal.PortalAccounts.sql;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emailed links of accounts: an invitation accepted (the password rules beside the field),
 * "Forgot password?" (the same answer for an unknown address), "Confirm Email"; each link works
 * once, and not after its time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountLinksIT {

  static final String USED = "This link has expired or was used already. Ask for a new one.";

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  Api api;
  PortalAccounts accounts;
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
    accounts = new PortalAccounts(api);
    site = api.newSite(false).id();
  }

  @Test
  void anInvitationIsAcceptedOnceThenTheInviteeSignsIn() {
    Person ivy = accounts.invite(site, "Ivy", "STAFF");
    String link = mail.link(ivy.email(), "invited");
    assertTrue(link.contains("/signin/password.xhtml?token="), link);

    browser.openUrl(link);
    assertEquals(
        "This password is too common: choose one that is harder to guess",
        setPassword("password1234"));
    assertEquals("The password must have at least 12 characters", setPassword("short one"));
    setPassword(PASSWORD);
    browser.await(d -> d.getCurrentUrl().contains("/signin/") ? true : null);
    browser.awaitText("Your password is set. Sign in with it.");

    SignInPage.signInFully(browser, mail, ivy.email(), PASSWORD);

    browser.openUrl(link);
    browser.awaitText(USED);
  }

  @Test
  void anInvitationExpiresAfter72Hours() {
    Person ivy = accounts.invite(site, "Ivy", "STAFF");
    String link = mail.link(ivy.email(), "invited");
    sql(
        "UPDATE account_invitation SET expires_at = NOW() - INTERVAL '1 second'"
            + " WHERE account_id = ?",
        ivy.id());
    browser.openUrl(link);
    browser.awaitText(USED);
  }

  @Test
  void forgotPasswordSendsALinkThatWorksOnceAndAnswersTheSameForUnknownAddresses() {
    Person sam = accounts.withPassword(site, "Sam", "STAFF");
    String answer = forgot("nobody-" + sam.email());
    assertEquals(answer, forgot(sam.email()));

    String link = mail.link(sam.email(), "Reset your");
    String newPassword = "copper kettle morning";
    browser.openUrl(link);
    setPassword(newPassword);
    browser.awaitText("Your password is set. Sign in with it.");
    SignInPage.signInFully(browser, mail, sam.email(), newPassword);

    browser.forget();
    browser.openUrl(link);
    browser.awaitText(USED);
  }

  @Test
  void aResetLinkExpiresAfterAnHour() {
    Person sam = accounts.withPassword(site, "Sam", "STAFF");
    forgot(sam.email());
    String link = mail.link(sam.email(), "Reset your");
    sql(
        "UPDATE account_invitation SET expires_at = NOW() - INTERVAL '1 second'"
            + " WHERE account_id = ? AND purpose = 'PASSWORD_RESET'",
        sam.id());
    browser.openUrl(link);
    browser.awaitText(USED);
  }

  @Test
  void confirmEmailFromMyAccount() {
    Person sam = accounts.withPassword(site, "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    new Frame(browser).openMyAccount();
    browser.click("account:confirmEmail");
    browser.awaitText("A confirmation link was sent to " + sam.email());
    browser.openUrl(mail.link(sam.email(), "Confirm your email"));
    browser.click("confirm:confirmEmail");
    browser.awaitText("Your email address is confirmed.");
  }

  @Test
  void changePasswordInMyAccount() throws Exception {
    Person sam = accounts.withPassword(site, "Sam", "STAFF");
    // Sam signed in elsewhere too (another computer, or someone holding that session)
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    String elsewhere = browser.sessionCookie().getValue();
    assertEquals(
        200, SignInPage.dashboardStatus(base, elsewhere), "the other session opens the Dashboard");
    browser.forget();
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    new Frame(browser).openMyAccount();
    assertEquals(
        "The current password is not right", changePassword("not it", "river stone lamp 7"));
    assertEquals(
        "This password is too common: choose one that is harder to guess",
        changePassword(PASSWORD, "qwertyuiopasdfghjkl"));
    assertEquals(null, changePassword(PASSWORD, "river stone lamp 7"));
    browser.awaitText("Your password is changed.");
    // the other session ends (the account is looked at again every 5 seconds); this one goes on
    Thread.sleep(5_500);
    assertEquals(
        302,
        SignInPage.dashboardStatus(base, elsewhere),
        "the other session is sent to Secure Sign-In");
    browser.open("/dashboard/index.xhtml");
    browser.awaitText("Welcome, Sam");
    new Frame(browser).signOut();
    SignInPage.signInFully(browser, mail, sam.email(), "river stone lamp 7");
  }

  @Test
  void aPasswordResetEndsTheSessionsOpenWithTheOldOne() throws Exception {
    Person sam = accounts.withPassword(site, "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    String stolen = browser.sessionCookie().getValue();
    assertEquals(200, SignInPage.dashboardStatus(base, stolen));
    browser.forget();
    forgot(sam.email());
    browser.openUrl(mail.link(sam.email(), "Reset your"));
    assertEquals(null, setPassword("lantern harbour violet 3"));
    browser.awaitText("Your password is set. Sign in with it.");
    Thread.sleep(5_500);
    assertEquals(
        302, SignInPage.dashboardStatus(base, stolen), "the session of the old password ends");
    SignInPage.signInFully(browser, mail, sam.email(), "lantern harbour violet 3");
  }

  private String changePassword(String current, String next) {
    browser.type("password:current", current);
    browser.type("password:newPassword", next);
    browser.type("password:confirmation", next);
    var button = browser.visible("password:changePassword");
    button.click();
    browser.await(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    return browser
        .driver()
        .findElements(org.openqa.selenium.By.cssSelector("#password .ui-message-error"))
        .stream()
        .map(e -> e.getText())
        .filter(t -> !t.isBlank())
        .findFirst()
        .orElse(null);
  }

  private String setPassword(String password) {
    browser.type("password:newPassword", password);
    browser.type("password:confirmation", password);
    var button = browser.visible("password:save");
    button.click();
    browser.await(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    return browser
        .driver()
        .findElements(org.openqa.selenium.By.cssSelector(".ui-message-error"))
        .stream()
        .map(e -> e.getText())
        .filter(t -> !t.isBlank())
        .findFirst()
        .orElse(null);
  }

  private String forgot(String email) {
    browser.forget();
    browser.open("/signin/forgot.xhtml");
    browser.type("forgot:email", email);
    browser.click("forgot:send");
    return browser.await(
        d -> {
          var shown =
              d.findElements(org.openqa.selenium.By.cssSelector("#messages .ui-messages-info"));
          return shown.isEmpty() ? null : shown.get(0).getText();
        });
  }
}
