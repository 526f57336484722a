package com.smartpackageroom.ejb.crypto;

import com.smartpackageroom.ejb.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes sure every instance encrypts and indexes PINs with the same keys: the database keeps the
 * keys' fingerprint from the first start, and an instance whose keys do not match it refuses to
 * start, saying why. Without this, an instance with keys of its own would refuse, silently, every
 * PIN issued by the others (and issue PINs they cannot read).
 */
@ApplicationScoped
public class KeyFingerprint {

  private static final Logger LOG = Logger.getLogger(KeyFingerprint.class.getName());

  static final String FACT = "crypto.key-fingerprint";

  @Inject KeyRing keys;

  @Resource(lookup = Database.AUTOCOMMIT)
  DataSource dataSource;

  /** Records the keys' fingerprint at the first start, and checks it at every later one. */
  public void check() {
    String mine = keys.fingerprint();
    try (Connection db = dataSource.getConnection()) {
      Optional<String> known = read(db);
      if (known.isEmpty()) {
        try (PreparedStatement insert =
            db.prepareStatement("INSERT INTO installation_fact (name, fact_value) VALUES (?, ?)")) {
          insert.setString(1, FACT);
          insert.setString(2, mine);
          insert.executeUpdate();
          LOG.info("Recorded the fingerprint of the keys in the database (not the keys)");
          return;
        } catch (SQLException raced) {
          // another instance recorded its keys' fingerprint at the same moment: compare with it
          known = read(db);
          if (known.isEmpty()) {
            throw raced;
          }
        }
      }
      if (!known.get().equals(mine)) {
        throw new IllegalStateException(
            "The keys of this instance ("
                + keys.source()
                + ") are not those the database was first used with: PINs and QR codes issued with"
                + " the other keys could not be read or signed in here. Give every instance the"
                + " same spr.crypto.encryption-key and spr.crypto.hash-key (or restore the key file"
                + " this database was used with).");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The keys' fingerprint could not be checked: " + e.getMessage(), e);
    }
  }

  private static Optional<String> read(Connection db) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT fact_value FROM installation_fact WHERE name = ?")) {
      query.setString(1, FACT);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }
}
