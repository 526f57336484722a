package com.smartpackageroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Imports as another server instance leaves them in the database, for the tests' sites. */
public final class ImportRows {

  private ImportRows() {}

  /**
   * An import of the site as another instance runs it: STARTED, showing progress just now, and
   * holding the site's turn (one import of a site runs at a time).
   */
  public static long runningElsewhere(long site) {
    try (Connection db = db()) {
      long id;
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO recipient_import (id, site_id, layout, mode, forced, status,"
                  + " file_path, file_bytes, started_by, created_at, run_owner, heartbeat_at)"
                  + " VALUES (nextval('recipient_import_seq'), ?, 'yardi', 'FULL', FALSE,"
                  + " 'STARTED', 'database', 0, 'it', now(), 'server@elsewhere.example', now())"
                  + " RETURNING id")) {
        insert.setLong(1, site);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement turn =
          db.prepareStatement(
              "UPDATE import_turn SET import_id = ?, taken_at = now() WHERE site_id = ?")) {
        turn.setLong(1, id);
        turn.setLong(2, site);
        if (turn.executeUpdate() == 0) {
          try (PreparedStatement first =
              db.prepareStatement(
                  "INSERT INTO import_turn (site_id, import_id, taken_at) VALUES (?, ?, now())")) {
            first.setLong(1, site);
            first.setLong(2, id);
            first.executeUpdate();
          }
        }
      }
      return id;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** The import of {@link #runningElsewhere} ends, completed. */
  public static void endElsewhere(long id) {
    try (Connection db = db();
        PreparedStatement end =
            db.prepareStatement(
                "UPDATE recipient_import SET status = 'COMPLETED', finished_at = now()"
                    + " WHERE id = ?")) {
      end.setLong(1, id);
      assertEquals(1, end.executeUpdate());
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static Connection db() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("spr.it.db.url"), System.getProperty("spr.it.db.user"), "");
  }
}
