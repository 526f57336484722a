package com.smartpackageroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance whose keys are not those the database was first used with refuses to start, instead
 * of refusing every PIN the other instances issued. The database keeps the keys' fingerprint, set
 * by the first start; here another instance's keys are played by a changed fingerprint.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyFingerprintIT {

  private static final String EAR = "spr";

  @Deployment(name = EAR, managed = false, testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource Deployer deployer;

  @Test
  void anInstanceWithOtherKeysRefusesToStartAndOneWithTheSameKeysStarts() throws Exception {
    // every test class before this one started with the build's keys: the fingerprint is theirs
    deployer.deploy(EAR);
    deployer.undeploy(EAR);
    String recorded = fingerprint();
    assertEquals(44, recorded.length(), "a SHA-256 in base64, never the keys");
    try {
      setFingerprint("c29tZSBvdGhlciBpbnN0YW5jZSdzIGtleXMgLi4uLi4uLi4uLi4=");
      assertThrows(Exception.class, () -> deployer.deploy(EAR));
    } finally {
      try {
        deployer.undeploy(EAR);
      } catch (RuntimeException notDeployed) {
        // the failed deployment left nothing behind
      }
      setFingerprint(recorded);
    }
    deployer.deploy(EAR);
    deployer.undeploy(EAR);
  }

  private static Connection db() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
  }

  private static String fingerprint() throws SQLException {
    try (Connection db = db();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT fact_value FROM installation_fact WHERE name = 'crypto.key-fingerprint'");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getString(1);
    }
  }

  private static void setFingerprint(String value) throws SQLException {
    assertEquals(
        1,
        Api.sql(
            "UPDATE installation_fact SET fact_value = ? WHERE name = 'crypto.key-fingerprint'",
            value));
  }
}
