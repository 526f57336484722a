package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.Api.json;

import com.smartpackageroom.it.Api;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Portal accounts for the browser tests: invited through the management API like any staff member;
 * {@link #withPassword} gives one a password straight in the database (the invitation's own flow is
 * tested in AccountLinksIT), hashed as Jakarta Security's Pbkdf2PasswordHash stores it.
 */
public final class PortalAccounts {

  public static final String PASSWORD = "lantern tide quiet 42";

  /** One hash for every test account: PBKDF2 with 600 000 iterations takes its time. */
  private static final String PASSWORD_HASH = pbkdf2(PASSWORD);

  private final Api api;

  public PortalAccounts(Api api) {
    this.api = api;
  }

  public record Person(long id, String email, String firstName, String lastName) {}

  /** Invited (an invitation email goes out), without a password yet. */
  public Person invite(long siteId, String firstName, String role) {
    String email = Api.unique(firstName.toLowerCase()) + "@portal.example.org";
    String lastName = Api.unique("Test").replace('-', ' ');
    long id =
        api.post(
                "/api/v1/sites/" + siteId + "/staff",
                BOOTSTRAP,
                json("email", email, "firstName", firstName, "lastName", lastName, "role", role))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    return new Person(id, email, firstName, lastName);
  }

  /** An administrator of every site, with a password. */
  public Person administrator(String firstName) {
    String email = Api.unique(firstName.toLowerCase()) + "@portal.example.org";
    String lastName = Api.unique("Admin").replace('-', ' ');
    long id =
        api.post(
                "/api/v1/administrators",
                BOOTSTRAP,
                json("email", email, "firstName", firstName, "lastName", lastName))
            .expect(201)
            .json()
            .getJsonNumber("id")
            .longValue();
    sql("UPDATE account SET password_hash = ?, status = 'ACTIVE' WHERE id = ?", PASSWORD_HASH, id);
    return new Person(id, email, firstName, lastName);
  }

  public Person withPassword(long siteId, String firstName, String role) {
    Person person = invite(siteId, firstName, role);
    sql(
        "UPDATE account SET password_hash = ?, status = 'ACTIVE' WHERE id = ?",
        PASSWORD_HASH,
        person.id());
    return person;
  }

  public static void sql(String statement, Object... args) {
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
        PreparedStatement ps = db.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static String pbkdf2(String password) {
    try {
      byte[] salt = new byte[32];
      new SecureRandom().nextBytes(salt);
      byte[] hash =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 600_000, 256))
              .getEncoded();
      Base64.Encoder b64 = Base64.getEncoder();
      return "PBKDF2WithHmacSHA256:600000:"
          + b64.encodeToString(salt)
          + ":"
          + b64.encodeToString(hash);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
