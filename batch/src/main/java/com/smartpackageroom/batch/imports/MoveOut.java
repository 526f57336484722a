package com.smartpackageroom.batch.imports;

import com.smartpackageroom.ejb.accesskey.BulkKeys;
import com.smartpackageroom.ejb.platform.BulkSql;
import com.smartpackageroom.ejb.platform.Database;
import com.smartpackageroom.ejb.platform.Times;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Moves out residents missing from a full import; their keys stop working but are kept. Set-based:
 * the chunk's still active recipients move out with one UPDATE (on H2 after a locking SELECT that
 * finds them), their keys with another ({@link BulkKeys}).
 */
@Named
@Dependent
public class MoveOut extends AbstractItemWriter {

  @Inject JobContext job;

  @Inject ImportLines lines;

  @Inject BulkKeys keys;

  @Inject Clock clock;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  @Override
  public void writeItems(List<Object> items) {
    long importId = ImportJob.importId(job);
    // the run's hold on the import's row first: a lost run changes nothing (RunLost)
    lines.claim(importId, ImportJob.run(job));
    OffsetDateTime now = Times.now(clock);
    List<Long> ids = items.stream().map(Long.class::cast).toList();
    List<Long> moved = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      if (Database.isPostgres(c)) {
        moveOutReturning(c, ids, now, moved);
      } else {
        moveOutLocked(c, ids, now, moved);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not move out residents for import " + importId, e);
    }
    keys.deactivateAllOfRecipients(ImportJob.caller(importId), moved, now);
    lines.count(importId, ImportJob.run(job), 0, 0, 0, 0, 0, moved.size());
  }

  /**
   * PostgreSQL: those still active move out with one statement that says which they were. Its rows
   * are locked in the order of its plan, not of their ids; nothing else locks many residents at
   * once (one import of a site runs at a time, the portal and the API change one resident at a
   * time), so no two such statements wait for each other.
   */
  private static void moveOutReturning(
      Connection c, List<Long> ids, OffsetDateTime now, List<Long> moved) throws SQLException {
    for (List<Long> part : BulkSql.inLists(ids)) {
      try (PreparedStatement ps =
          c.prepareStatement(moveOut(part, " AND status = 'ACTIVE' RETURNING id"))) {
        bindMoveOut(ps, now, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            moved.add(rs.getLong(1));
          }
        }
      }
    }
    Collections.sort(moved);
  }

  /** H2 (no UPDATE ... RETURNING): those still active, locked in id order, then moved out. */
  private static void moveOutLocked(
      Connection c, List<Long> ids, OffsetDateTime now, List<Long> moved) throws SQLException {
    for (List<Long> part : BulkSql.inLists(ids)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM recipient WHERE id BETWEEN ? AND ? AND id IN ("
                  + BulkSql.marks(part.size())
                  + ") AND status = 'ACTIVE' ORDER BY id FOR UPDATE")) {
        ps.setLong(1, Collections.min(part));
        ps.setLong(2, Collections.max(part));
        BulkSql.bindAll(ps, 3, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            moved.add(rs.getLong(1));
          }
        }
      }
    }
    for (List<Long> part : BulkSql.inLists(moved)) {
      try (PreparedStatement ps = c.prepareStatement(moveOut(part, ""))) {
        bindMoveOut(ps, now, part);
        ps.executeUpdate();
      }
    }
  }

  /** The update that moves out the residents of a list, and what follows its condition. */
  private static String moveOut(List<Long> part, String tail) {
    return "UPDATE recipient SET status = 'MOVED_OUT', updated_at = ?, version = version + 1"
        + " WHERE id BETWEEN ? AND ? AND id IN ("
        + BulkSql.marks(part.size())
        + ")"
        + tail;
  }

  private static void bindMoveOut(PreparedStatement ps, OffsetDateTime now, List<Long> part)
      throws SQLException {
    ps.setObject(1, now);
    // the range bounds the index scan even in a generic plan
    ps.setLong(2, Collections.min(part));
    ps.setLong(3, Collections.max(part));
    BulkSql.bindAll(ps, 4, part);
  }
}
