package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server remembers the keys it has let in (to sign the same key in again without reading it), but
 * never lets anyone in on what it remembers: a change to a key, its holder or the kiosk counts from
 * the next sign-in on, whether it was made through this server's API or straight in the database
 * (as another instance of the application, an import or an operator would make it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInFreshnessIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void aRecipientRenamedOrMovedOutCountsFromTheNextSignIn() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    long recipient = api.newRecipient(site.id(), Api.unique("r") + "@example.org", null);
    String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
    String path = "/api/v1/sites/" + site.id() + "/recipients/" + recipient;

    String lastName = api.get(path, BOOTSTRAP).expect(200).json().getString("lastName");
    assertEquals("Ana " + lastName, greeting(api, site, pin));
    assertEquals("Ana " + lastName, greeting(api, site, pin));

    api.call("PATCH", path, BOOTSTRAP, json("firstName", "Anna")).expect(200);
    assertEquals("Anna " + lastName, greeting(api, site, pin), "the new name at once");

    api.call("PATCH", path, BOOTSTRAP, json("status", "MOVED_OUT")).expect(200);
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
  }

  @Test
  void changesMadeInTheDatabaseCountFromTheNextSignIn() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    int letIn = 0;

    long courier = api.newCourier(site.id());
    JsonObject courierKey = api.newKey(site.id(), "couriers", courier, "PIN");
    String courierPin = courierKey.getString("pin");
    long courierKeyId = courierKey.getJsonNumber("id").longValue();
    assertEquals("UPS courier", remembered(api, site, courierPin));
    letIn += 2;
    sql("UPDATE courier SET name = 'DHL courier' WHERE id = ?", courier);
    assertEquals("DHL courier", greeting(api, site, courierPin));
    letIn++;

    // the key: expired, back, deactivated
    sql(
        "UPDATE access_key SET expires_at = now() - INTERVAL '1 minute' WHERE id = ?",
        courierKeyId);
    api.signIn(site.kioskToken(), "pin", courierPin).problem(401, "invalid-credential");
    sql("UPDATE access_key SET expires_at = NULL WHERE id = ?", courierKeyId);
    assertEquals("DHL courier", remembered(api, site, courierPin));
    letIn += 2;
    sql("UPDATE access_key SET status = 'INACTIVE' WHERE id = ?", courierKeyId);
    api.signIn(site.kioskToken(), "pin", courierPin).problem(401, "invalid-credential");

    // a staff member: disabled, enabled again, then no longer of the site
    long staff = api.newStaff(site.id(), "Dana", "Frontdesk", "STAFF");
    String staffPin = api.newKey(site.id(), "staff", staff, "PIN").getString("pin");
    assertEquals("Dana Frontdesk", remembered(api, site, staffPin));
    letIn += 2;
    sql("UPDATE account SET status = 'DISABLED' WHERE id = ?", staff);
    api.signIn(site.kioskToken(), "pin", staffPin).problem(401, "invalid-credential");
    sql("UPDATE account SET status = 'INVITED' WHERE id = ?", staff);
    assertEquals("Dana Frontdesk", remembered(api, site, staffPin));
    letIn += 2;
    sql("DELETE FROM account_site WHERE account_id = ?", staff);
    api.signIn(site.kioskToken(), "pin", staffPin).problem(401, "invalid-credential");

    // a resident moved out by an import or by hand, the key itself untouched
    long recipient = api.newRecipient(site.id(), Api.unique("r") + "@example.org", null);
    String pin = api.newKey(site.id(), "recipients", recipient, "PIN").getString("pin");
    remembered(api, site, pin);
    letIn += 2;
    sql("UPDATE recipient SET status = 'MOVED_OUT' WHERE id = ?", recipient);
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-credential");
    sql("UPDATE recipient SET status = 'ACTIVE' WHERE id = ?", recipient);

    // the kiosk: blocked, then its token replaced
    remembered(api, site, pin);
    letIn += 2;
    sql("UPDATE kiosk SET blocked_until = now() + INTERVAL '1 hour' WHERE site_id = ?", site.id());
    api.signIn(site.kioskToken(), "pin", pin).problem(429, "kiosk-throttled");
    sql(
        "UPDATE kiosk SET blocked_until = NULL, consecutive_failures = 0 WHERE site_id = ?",
        site.id());
    remembered(api, site, pin);
    letIn += 2;
    sql("UPDATE kiosk SET token_hash = md5(random()::text) WHERE site_id = ?", site.id());
    api.signIn(site.kioskToken(), "pin", pin).problem(401, "invalid-kiosk-token");

    // every sign-in let in, and only those, audited once
    long uses =
        api
            .get("/api/v1/sites/" + site.id() + "/audit-events?size=500", BOOTSTRAP)
            .expect(200)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> e.getString("type").equals("KEY_USED"))
            .count();
    assertEquals(letIn, uses);
  }

  /**
   * Signs in twice and answers the greeting: after a refusal the first sign-in clears the kiosk's
   * failures, the second is let in with the key read afresh, so the server now remembers the key
   * and the next sign-in with it is decided by what was remembered, checked against the rows.
   */
  private static String remembered(Api api, Api.Site site, String pin) {
    greeting(api, site, pin);
    return greeting(api, site, pin);
  }

  /** Signs in (201) and answers the name the kiosk greets the holder with. */
  private static String greeting(Api api, Api.Site site, String pin) {
    return api.signIn(site.kioskToken(), "pin", pin)
        .expect(201)
        .json()
        .getJsonObject("holder")
        .getString("displayName");
  }

  private static void sql(String statement, long id) {
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
        PreparedStatement update = db.prepareStatement(statement)) {
      update.setLong(1, id);
      if (update.executeUpdate() < 1) {
        fail("no row changed by " + statement);
      }
    } catch (SQLException e) {
      fail(e);
    }
  }
}
