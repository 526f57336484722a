package com.smartpackageroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules of a kiosk sign-in as one table, each row run through every way a sign-in is decided:
 * the fast path with a key it reads for the first time, the fast path with a key this instance
 * remembers from earlier sign-ins, and the service that decides under locks (reached here through a
 * kiosk with a failure in a row, which the fast path leaves to it). The same row must get the same
 * answer on every path: the rules restated in SignInFastPath's SQL and those of the entities may
 * not drift apart. States are set straight in the database, as another instance, an import or an
 * operator would leave them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInRulesIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  /** A row: whose key, what is changed ({@code ?} is the key's, holder's or kiosk's id), answer. */
  private record Rule(String name, String holders, Target target, String change, int expected) {}

  private enum Target {
    NOTHING,
    KEY,
    HOLDER,
    KIOSK
  }

  private static final List<Rule> RULES =
      List.of(
          new Rule("an active permanent key", "couriers", Target.NOTHING, null, 201),
          new Rule(
              "an inactive key",
              "couriers",
              Target.KEY,
              "UPDATE access_key SET status = 'INACTIVE' WHERE id = ?",
              401),
          new Rule(
              "a deleted key",
              "couriers",
              Target.KEY,
              "UPDATE access_key SET status = 'DELETED' WHERE id = ?",
              401),
          new Rule(
              "an expired key",
              "couriers",
              Target.KEY,
              "UPDATE access_key SET expires_at = now() - interval '1 minute' WHERE id = ?",
              401),
          new Rule(
              "a key that expires tomorrow",
              "couriers",
              Target.KEY,
              "UPDATE access_key SET expires_at = now() + interval '1 day' WHERE id = ?",
              201),
          new Rule(
              "an unused single-use key",
              "recipients",
              Target.KEY,
              "UPDATE access_key SET single_use = TRUE, expires_at = now() + interval '1 day'"
                  + " WHERE id = ?",
              201),
          new Rule(
              "a used single-use key",
              "recipients",
              Target.KEY,
              "UPDATE access_key SET single_use = TRUE, used_at = now(),"
                  + " expires_at = now() + interval '1 day' WHERE id = ?",
              401),
          new Rule("an active recipient", "recipients", Target.NOTHING, null, 201),
          new Rule(
              "a recipient who moved out",
              "recipients",
              Target.HOLDER,
              "UPDATE recipient SET status = 'MOVED_OUT' WHERE id = ?",
              401),
          new Rule("a staff member", "staff", Target.NOTHING, null, 201),
          new Rule(
              "a disabled staff member",
              "staff",
              Target.HOLDER,
              "UPDATE account SET status = 'DISABLED' WHERE id = ?",
              401),
          new Rule(
              "a staff member no longer of the site",
              "staff",
              Target.HOLDER,
              "DELETE FROM account_site WHERE account_id = ?",
              401),
          new Rule(
              "a kiosk that must wait",
              "couriers",
              Target.KIOSK,
              "UPDATE kiosk SET consecutive_failures = 5,"
                  + " blocked_until = now() + interval '1 hour' WHERE id = ?",
              429));

  private enum Path {
    FIRST_SEEN,
    REMEMBERED,
    SERVICE
  }

  @Test
  void everyRuleGetsTheSameAnswerOnEveryPath() {
    Api api = new Api(base);
    List<String> failures = new ArrayList<>();
    for (Rule rule : RULES) {
      for (Path path : Path.values()) {
        int answer = signIn(api, rule, path);
        if (answer != rule.expected()) {
          failures.add(rule.name() + " by " + path + ": " + answer + ", not " + rule.expected());
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static int signIn(Api api, Rule rule, Path path) {
    Api.Site site = api.newSite(false);
    long holder =
        switch (rule.holders()) {
          case "couriers" -> api.newCourier(site.id());
          case "recipients" -> api.newRecipient(site.id(), Api.unique("r") + "@example.org", null);
          default -> api.newStaff(site.id(), "Dana", "Frontdesk", "STAFF");
        };
    var key = api.newKey(site.id(), rule.holders(), holder, "PIN");
    long keyId = key.getJsonNumber("id").longValue();
    String pin = key.getString("pin");
    long kioskId =
        api.get("/api/v1/sites/" + site.id() + "/kiosks", Api.BOOTSTRAP)
            .expect(200)
            .array()
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    if (path == Path.REMEMBERED) {
      api.signIn(site.kioskToken(), "pin", pin).expect(201);
      api.signIn(site.kioskToken(), "pin", pin).expect(201);
    }
    if (rule.change() != null) {
      long id =
          switch (rule.target()) {
            case KEY -> keyId;
            case HOLDER -> holder;
            case KIOSK -> kioskId;
            case NOTHING -> throw new IllegalStateException();
          };
      assertEquals(1, Api.sql(rule.change(), id), rule.change());
    }
    if (path == Path.SERVICE && rule.target() != Target.KIOSK) {
      // a failure in a row: the fast path leaves the kiosk's sign-ins to the service
      assertEquals(1, Api.sql("UPDATE kiosk SET consecutive_failures = 1 WHERE id = ?", kioskId));
    }
    Api.Reply reply = api.signIn(site.kioskToken(), "pin", pin);
    if (reply.status() == 401) {
      reply.problem(401, "invalid-credential");
    }
    return reply.status();
  }
}
