package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fault is not passed off as somebody else's change: an integrity error the services do not
 * expect (here a check constraint added behind the application's back) is a 500 problem with an
 * incident id, and the server's log has the failure under the same id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HonestErrorsIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void anUnexpectedIntegrityErrorIsA500WithAnIncidentIdInTheLog() throws Exception {
    Api api = new Api(base);
    long site = api.newSite(false).id();
    Api.sql("ALTER TABLE courier ADD CONSTRAINT it_no_forbidden CHECK (name <> 'Forbidden')");
    try {
      Api.Reply reply =
          api.post(
              "/api/v1/sites/" + site + "/couriers",
              BOOTSTRAP,
              json("name", "Forbidden", "carrier", "UPS"));
      reply.problem(500, "internal-error");
      Matcher incident =
          Pattern.compile("incident ([0-9a-f-]{36})").matcher(reply.json().getString("detail"));
      assertTrue(incident.find(), reply.body());
      assertTrue(!reply.body().contains("it_no_forbidden"), "no database detail in the answer");
      Path log =
          Path.of(System.getProperty("payara.home"), "glassfish/domains/domain1/logs/server.log");
      String logged = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(logged.contains(incident.group(1)), "the log names incident " + incident.group(1));
    } finally {
      Api.sql("ALTER TABLE courier DROP CONSTRAINT it_no_forbidden");
    }
  }
}
