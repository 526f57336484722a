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

/**
 * axe-core (com.deque.html.axe-core:selenium, test scope) finds no serious or critical violation of
 * WCAG 2.x A and AA on the sign-in page, the Dashboard, Recipients (also with Add Recipient open),
 * the Recipient Detail View, Courier Detail and Staff Detail.
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
}
