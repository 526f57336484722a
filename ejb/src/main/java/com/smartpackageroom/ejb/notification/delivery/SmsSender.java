package com.smartpackageroom.ejb.notification.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends text messages through an HTTP provider with the Twilio Messages API shape: POST
 * {provider-url}/2010-04-01/Accounts/{sid}/Messages.json with the form fields To, From and Body,
 * authenticated with the account SID and auth token. Without spr.sms.provider-url, text messages
 * stay in the outbox.
 */
@ApplicationScoped
public class SmsSender {

  private static final Logger LOG = Logger.getLogger(SmsSender.class.getName());

  @Inject
  @ConfigProperty(name = "spr.sms.provider-url")
  Optional<String> providerUrl;

  @Inject
  @ConfigProperty(name = "spr.sms.account-sid")
  Optional<String> accountSid;

  @Inject
  @ConfigProperty(name = "spr.sms.auth-token")
  Optional<String> authToken;

  @Inject
  @ConfigProperty(name = "spr.sms.from")
  Optional<String> from;

  @Inject
  @ConfigProperty(name = "spr.sms.timeout", defaultValue = "PT10S")
  Duration timeout;

  private HttpClient client;
  private URI endpoint;
  private String authorization;

  @PostConstruct
  void init() {
    if (!configured()) {
      LOG.info(
          "No SMS provider configured (spr.sms.provider-url): text messages stay in the outbox");
      return;
    }
    String base = providerUrl.get().trim().replaceAll("/+$", "");
    String sid = accountSid.orElseThrow(() -> missing("spr.sms.account-sid"));
    endpoint =
        URI.create(
            base
                + "/2010-04-01/Accounts/"
                + URLEncoder.encode(sid, StandardCharsets.UTF_8)
                + "/Messages.json");
    authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (sid + ":" + authToken.orElseThrow(() -> missing("spr.sms.auth-token")))
                        .getBytes(StandardCharsets.UTF_8));
    from.orElseThrow(() -> missing("spr.sms.from"));
    client = HttpClient.newBuilder().connectTimeout(timeout).build();
    LOG.info(() -> "Text messages go out through " + base);
  }

  public boolean configured() {
    return providerUrl.isPresent() && !providerUrl.get().isBlank();
  }

  public Outcome send(Outgoing sms) {
    String form =
        "To="
            + encode(sms.to())
            + "&From="
            + encode(from.orElseThrow())
            + "&Body="
            + encode(sms.text());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Outcome.Unreachable("the SMS provider cannot be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Unreachable("interrupted while sending");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Outcome.sent();
    }
    String error = "the SMS provider answered " + status + summary(response.body());
    // 4xx: this message is refused (a bad number, say); 408, 429 and 5xx: try again later
    boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    if (status == 401 || status == 403) {
      // wrong credentials are the operator's to fix; the message must not be lost meanwhile
      return new Outcome.Unreachable(error);
    }
    return new Outcome.Failed(error, permanent);
  }

  private static String summary(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) : oneLine);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static IllegalStateException missing(String name) {
    return new IllegalStateException(name + " must be set when spr.sms.provider-url is");
  }
}
