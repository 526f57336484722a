package com.smartpackageroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** A small HTTP client for the tests: JSON in and out, as a kiosk or an integration would call. */
public final class Api {

  public static final String BOOTSTRAP = "it-bootstrap-token-0123456789abcdef";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI base;

  /** {@code deployed} is any URL of the deployment: the portal and the APIs live at its root. */
  public Api(URL deployed) {
    this.base =
        URI.create(
            deployed.getProtocol() + "://" + deployed.getHost() + ":" + deployed.getPort() + "/");
  }

  /** The real EAR the build made, as it is deployed in production. */
  public static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("spr.ear")));
  }

  public record Reply(int status, String body, HttpResponse<byte[]> raw) {

    public JsonObject json() {
      return (JsonObject) Json.createReader(new StringReader(body)).read();
    }

    public jakarta.json.JsonArray array() {
      return (jakarta.json.JsonArray) Json.createReader(new StringReader(body)).read();
    }

    public String code() {
      return json().getString("code");
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    public Reply expect(int expected) {
      assertEquals(expected, status, () -> "HTTP " + status + ": " + body);
      return this;
    }

    /** A refusal: the status, problem+json, and the code. */
    public Reply problem(int expected, String code) {
      expect(expected);
      assertEquals("application/problem+json", contentType().split(";")[0], body);
      assertEquals(code, code(), body);
      assertEquals(expected, json().getInt("status"));
      return this;
    }
  }

  public Reply call(String method, String path, String token, String body, String... headers) {
    return send(method, path, token, body, body == null ? null : "application/json", headers);
  }

  /** A request whose body is sent with the given Content-Type header, whatever it says. */
  public Reply callWithContentType(
      String method, String path, String token, String body, String contentType) {
    return send(method, path, token, body, contentType);
  }

  /** A CSV file as the body of a POST. */
  public Reply postCsv(String path, String token, String csv) {
    return send("POST", path, token, csv, "text/csv; charset=UTF-8");
  }

  private Reply send(
      String method,
      String path,
      String token,
      String body,
      String contentType,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(
          response.statusCode(),
          new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
          response);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  public Reply get(String path, String token) {
    return call("GET", path, token, null);
  }

  public Reply post(String path, String token, String body) {
    return call("POST", path, token, body);
  }

  public static String json(Object... keyValues) {
    var builder = Json.createObjectBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      String k = (String) keyValues[i];
      if (v == null) {
        builder.addNull(k);
      } else if (v instanceof Boolean b) {
        builder.add(k, b);
      } else if (v instanceof Number n) {
        builder.add(k, n.longValue());
      } else {
        builder.add(k, v.toString());
      }
    }
    return builder.build().toString();
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // --- fixtures: each test makes its own site, so tests never depend on each other

  public record Site(long id, String kioskToken) {}

  public Site newSite(boolean requestPinEnabled) {
    long id =
        post(
                "/api/v1/sites",
                BOOTSTRAP,
                json(
                    "name",
                    unique("Site"),
                    "timeZone",
                    "America/New_York",
                    "requestPinEnabled",
                    requestPinEnabled))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    String kiosk =
        post("/api/v1/sites/" + id + "/kiosks", BOOTSTRAP, json("name", "Lobby"))
            .expect(201)
            .json()
            .getString("token");
    return new Site(id, kiosk);
  }

  public long newRecipient(long siteId, String email, String phone) {
    return post(
            "/api/v1/sites/" + siteId + "/recipients",
            BOOTSTRAP,
            json(
                "firstName",
                "Ana",
                "lastName",
                unique("Núñez"),
                "unit",
                "12B",
                "email",
                email,
                "phone",
                phone))
        .expect(201)
        .json()
        .getJsonNumber("id")
        .longValue();
  }

  /** A staff member ({@code STAFF} or {@code PROPERTY_MANAGER}) invited to the site; their id. */
  public long newStaff(long siteId, String firstName, String lastName, String role) {
    return post(
            "/api/v1/sites/" + siteId + "/staff",
            BOOTSTRAP,
            json(
                "email",
                unique(firstName.toLowerCase(java.util.Locale.ROOT)) + "@example.org",
                "firstName",
                firstName,
                "lastName",
                lastName,
                "role",
                role))
        .expect(201)
        .json()
        .getJsonNumber("id")
        .longValue();
  }

  public long newCourier(long siteId) {
    return post(
            "/api/v1/sites/" + siteId + "/couriers",
            BOOTSTRAP,
            json("name", "UPS courier", "carrier", "UPS"))
        .expect(201)
        .json()
        .getJsonNumber("id")
        .longValue();
  }

  /** A new key; returns its JSON (with the value, as creation shows it). */
  public JsonObject newKey(long siteId, String holders, long holderId, String type) {
    return post(
            "/api/v1/sites/" + siteId + "/" + holders + "/" + holderId + "/access-keys",
            BOOTSTRAP,
            json("type", type))
        .expect(201)
        .json();
  }

  /** Runs a statement straight on the database under test; returns the rows it changed. */
  public static int sql(String statement, Object... parameters) {
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
        java.sql.PreparedStatement update = db.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }

  /** The single number a query straight on the database under test answers (a count). */
  public static long queryLong(String query, Object... parameters) {
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
        java.sql.PreparedStatement select = db.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      try (java.sql.ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException(query + ": no row");
        }
        return rows.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
  }

  /** An API token of the account {@code accountId}, made with the bootstrap token. */
  public String tokenOf(long accountId) {
    return post("/api/v1/api-tokens", BOOTSTRAP, json("accountId", accountId, "name", "it"))
        .expect(201)
        .json()
        .getString("token");
  }

  public Reply signIn(String kioskToken, String field, String value) {
    return post("/api/kiosk/v1/sessions", kioskToken, json(field, value));
  }
}
