package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An address of the portal with nothing behind it shows the portal's short page, never the server's
 * own report or a stack trace; under /api/ the answer stays problem+json.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorPagesIT {

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

  private static void assertShortPage(String path, String body) {
    assertTrue(body.contains("Nothing here"), path + ": " + body);
    for (String leak : List.of("Payara", "GlassFish", "Exception", "at com.", "at jakarta.")) {
      assertFalse(body.contains(leak), path + " shows " + leak + ": " + body);
    }
  }

  @Test
  void aPortalPageThatDoesNotExistShowsTheShortPageAndTheApiAnswersProblemJson() {
    browser.base(base);
    browser.forget();
    Api api = new Api(base);
    List<String> missing =
        List.of("/no-such-page", "/recipients/no-such-page.xhtml", "/dashboard/nothing/here");

    // signed out, the public pages' missing addresses get the short page; any other address goes
    // to Secure Sign-In first, whether or not something is behind it
    for (String path : List.of("/signin/no-such-page.xhtml", "/signin/nothing/here")) {
      Api.Reply reply = api.get(path, null);
      assertEquals(404, reply.status(), path);
      assertTrue(reply.contentType().startsWith("text/html"), path + ": " + reply.contentType());
      assertShortPage(path, reply.body());
    }
    for (String path : missing) {
      Api.Reply reply = api.get(path, null);
      assertEquals(302, reply.status(), path);
      assertTrue(
          reply.raw().headers().firstValue("Location").orElse("").endsWith("/signin/"),
          path + ": " + reply.raw().headers().map());
    }

    // signed in, in the browser
    Api.Site site = api.newSite(false);
    Person sam = new PortalAccounts(api).withPassword(site.id(), "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    for (String path : missing) {
      browser.open(path);
      browser.awaitText("Nothing here");
      assertShortPage(path, browser.driver().getPageSource());
    }
    browser.snapshot("error-page-not-found");

    // the API keeps its own answers
    api.get("/api/v1/no-such-thing", BOOTSTRAP).problem(404, "not-found");
    api.get("/api/kiosk/v1/no-such-thing", null).problem(404, "not-found");
    api.get("/api/v1/sites/999999999/dashboard", BOOTSTRAP).problem(404, "not-found");
  }
}
