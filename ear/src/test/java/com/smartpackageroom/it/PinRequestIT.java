package com.smartpackageroom.it;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "Request PIN" at the kiosk (seed 000). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PinRequestIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  @Test
  void aKnownContactReceivesAOneTimePinAndAnUnknownOneIsToldToTryAgain() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    String email = Api.unique("ana") + "@example.org";
    api.newRecipient(site.id(), email, "(917) 251-3622");

    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", email.toUpperCase()))
        .expect(202);
    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", "917.251.3622"))
        .expect(202);
    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", "nobody@example.org"))
        .problem(404, "contact-not-found");

    JsonObject outbox =
        api.get("/api/v1/sites/" + site.id() + "/notifications?to=" + email, BOOTSTRAP)
            .expect(200)
            .json();
    assertEquals(1, outbox.getInt("total"));
    JsonObject message = outbox.getJsonArray("items").getJsonObject(0);
    assertEquals("EMAIL", message.getString("channel"));
    assertEquals("PENDING", message.getString("status"));
    assertTrue(!message.containsKey("body") && !message.containsKey("text"), "never the body");
    assertEquals(
        1,
        api.get("/api/v1/sites/" + site.id() + "/notifications?to=%2B19172513622", BOOTSTRAP)
            .expect(200)
            .json()
            .getInt("total"));
  }

  @Test
  void atMostThreeRequestsPerContactAndHour() {
    Api api = new Api(base);
    Api.Site site = api.newSite(true);
    String email = Api.unique("bo") + "@example.org";
    api.newRecipient(site.id(), email, null);
    for (int i = 0; i < 3; i++) {
      api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", email)).expect(202);
    }
    Api.Reply refused =
        api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", email))
            .problem(429, "too-many-requests");
    long retryAfter =
        Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 3000 && retryAfter <= 3601, "Retry-After " + retryAfter);
  }

  @Test
  void sitesWithoutTheFeatureRefuseIt() {
    Api api = new Api(base);
    Api.Site site = api.newSite(false);
    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", "x@example.org"))
        .problem(403, "feature-disabled");
    // the site's answer comes before the check of what was typed
    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json())
        .problem(403, "feature-disabled");
    api.call("PATCH", "/api/v1/sites/" + site.id(), BOOTSTRAP, json("requestPinEnabled", true))
        .expect(200);
    api.post("/api/kiosk/v1/pin-requests", site.kioskToken(), json("contact", "x@example.org"))
        .problem(404, "contact-not-found");
  }
}
