package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
import java.net.URL;
import java.util.ArrayList;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core (com.deque.html.axe-core:selenium, test scope) finds no serious or critical violation of
 * WCAG 2.x A and AA on the sign-in page, the Dashboard, Recipients (also with Add Recipient open),
 * the Recipient Detail View, Courier Detail and Staff Detail; My Account with a key and its Manage
 * menu open, the key's delete confirmation, the Shield's panel, and "Generate One-Time Access Key"
 * with "Show more options" open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

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

  /**
   * The serious and critical violations on the page as it is now (AxeBuilder injects axe-core's
   * script with executeAsyncScript and runs axe.run).
   */
  private List<String> violations(String page) {
    // the page as a person reads it: once its requests have been answered and its fades and
    // transitions have ended (a button that opened a dialog is faded, with a spinner, until its
    // request's answer is in: measured then, it read as 4.4:1, a state nobody reads for long)
    browser.await(
        d ->
            Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                                + " && document.querySelectorAll('.ui-state-loading').length === 0"
                                + " && (!window.jQuery || jQuery(':animated').length === 0)"
                                + " && document.getAnimations()"
                                + ".every(a => a.playState !== 'running');"))
                ? true
                : null);
    browser.snapshot("a11y-" + page);
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
            .analyze(browser.driver());
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        found.add(
            page
                + ": "
                + rule.getImpact()
                + " "
                + rule.getId()
                + " ("
                + rule.getHelp()
                + "): "
                + rule.getNodes().stream()
                    .limit(5)
                    .map(n -> n.getTarget() + " " + n.getHtml())
                    .toList());
      }
    }
    return found;
  }

  @Test
  void theSignInPageAndTheStaffPortalsPagesHaveNoSeriousViolation() {
    Person morgan = new PortalAccounts(api).withPassword(site.id(), "Morgan", "PROPERTY_MANAGER");
    long recipient = api.newRecipient(site.id(), Api.unique("ana") + "@portal.example.org", null);
    api.newKey(site.id(), "recipients", recipient, "PIN");
    long courier = api.newCourier(site.id());
    long staff = api.newStaff(site.id(), "Sam", "Lee", "STAFF");
    List<String> found = new ArrayList<>();

    new SignInPage(browser).open();
    found.addAll(violations("signin"));
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
    found.addAll(violations("dashboard"));

    browser.open("/recipients/index.xhtml");
    browser.visible("search:results");
    found.addAll(violations("recipients"));
    browser.click("adding:addRecipient");
    browser.visible("addForm:firstName");
    found.addAll(violations("recipients-add"));

    browser.open("/recipients/recipient.xhtml?id=" + recipient);
    browser.awaitText("Recipient Detail View");
    found.addAll(violations("recipient-detail"));

    browser.open("/useradmin/courier.xhtml?id=" + courier);
    browser.awaitText("Courier Detail");
    found.addAll(violations("courier-detail"));

    browser.open("/useradmin/staff-member.xhtml?id=" + staff);
    browser.awaitText("Staff Detail");
    found.addAll(violations("staff-detail"));

    assertEquals(List.of(), found, String.join("\n", found));
  }

  @Test
  void myAccountTheShieldAndTheDialogsHaveNoSeriousViolation() {
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    String lastName = Api.unique("Okafor").replace("-", "");
    api.post(
            "/api/v1/sites/" + site.id() + "/recipients",
            Api.BOOTSTRAP,
            Api.json(
                "firstName",
                "Chidi",
                "lastName",
                lastName,
                "unit",
                "7A",
                "email",
                lastName.toLowerCase() + "@residents.example.org"))
        .expect(201);
    List<String> found = new ArrayList<>();
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);

    DashboardPage dashboard = new DashboardPage(browser).open();
    dashboard.openSendSingleAccessPin();
    dashboard.selectRecipient(lastName.substring(0, 8), lastName);
    dashboard.showMoreOptions();
    found.addAll(violations("generate-one-time-access-key-more-options"));
    browser.click("sapForm:cancelSap");
    browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("sapDialog")));

    Frame frame = new Frame(browser);
    frame.openMyAccount();
    MyAccountPage account = new MyAccountPage(browser);
    account.generatePin();
    found.addAll(violations("my-account"));
    account.openManage();
    browser.visible("keys:maintenance_menu");
    Forms.pause(400); // the menu's opening animation
    found.addAll(violations("my-account-manage-menu"));
    browser.driver().findElement(By.tagName("h1")).click();
    browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("keys:maintenance_menu")));

    frame.shieldPin();
    Forms.pause(400);
    found.addAll(violations("shield-panel"));
    browser.driver().findElement(By.tagName("h1")).click();
    browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("frame:shieldPanel")));

    account.askDelete();
    Forms.pause(400);
    found.addAll(violations("delete-key-dialog"));

    assertEquals(List.of(), found, String.join("\n", found));
  }
}
