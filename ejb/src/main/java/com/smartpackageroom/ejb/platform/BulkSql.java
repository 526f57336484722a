package com.smartpackageroom.ejb.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Set-based writing for bulk work such as the import: many rows in few statements (PostgreSQL's
 * {@code COPY}, a multi-row {@code INSERT ... VALUES} on H2), ids drawn from the JPA sequences in
 * their blocks, and {@code IN} lists. Everything runs on the connection it is given, in the
 * caller's transaction.
 */
public final class BulkSql {

  /** Rows per INSERT statement: few round trips, well under PostgreSQL's 32 767 parameters. */
  static final int ROWS_PER_STATEMENT = 250;

  /** Values per IN list. */
  public static final int IN_LIST = 1_000;

  private BulkSql() {}

  /**
   * Inserts rows; {@code types} are the java.sql.Types of the columns (for nulls), each row an
   * array of Long, Integer, String, Boolean or OffsetDateTime values (or null). On PostgreSQL with
   * {@code COPY}: a multi-row INSERT of a thousand rows costs the server some three times as much
   * (parsing and binding its thousands of values), and the import's first run is bound by it.
   */
  public static void insert(
      Connection c, String table, String columns, int[] types, List<Object[]> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (Database.isPostgres(c)) {
      copy(c, table, columns, rows);
      return;
    }
    int n = types.length;
    String one = "(" + "?,".repeat(n - 1) + "?)";
    int done = 0;
    PreparedStatement full = null;
    try {
      while (done < rows.size()) {
        int take = Math.min(ROWS_PER_STATEMENT, rows.size() - done);
        PreparedStatement ps;
        if (take == ROWS_PER_STATEMENT) {
          if (full == null) {
            full = c.prepareStatement(statement(table, columns, one, take));
          }
          ps = full;
        } else {
          ps = c.prepareStatement(statement(table, columns, one, take));
        }
        int index = 1;
        for (int r = done; r < done + take; r++) {
          Object[] row = rows.get(r);
          for (int i = 0; i < n; i++) {
            bind(ps, index++, row[i], types[i]);
          }
        }
        ps.executeUpdate();
        if (ps != full) {
          ps.close();
        }
        done += take;
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
  }

  private static void copy(Connection c, String table, String columns, List<Object[]> rows)
      throws SQLException {
    try (CopyStream copy = new CopyStream(c, table, columns)) {
      for (Object[] row : rows) {
        for (Object value : row) {
          copy.row().value(value);
        }
        copy.endRow();
      }
      copy.finish();
    }
  }

  private static String statement(String table, String columns, String one, int rows) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(table)
            .append(" (")
            .append(columns)
            .append(") VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ",").append(one);
    }
    return sql.toString();
  }

  public static void bind(PreparedStatement ps, int index, Object value, int type)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, type);
    } else if (value instanceof Long l) {
      ps.setLong(index, l);
    } else if (value instanceof Integer i) {
      ps.setInt(index, i);
    } else if (value instanceof Boolean b) {
      ps.setBoolean(index, b);
    } else if (value instanceof OffsetDateTime t) {
      ps.setObject(index, t);
    } else {
      ps.setString(index, value.toString());
    }
  }

  /**
   * {@code count} new ids of an entity whose JPA sequence hands out blocks of {@code block} (the
   * sequence's INCREMENT): each value the sequence gives is the last id of its block, as the JPA
   * provider reads it, so these ids never meet the provider's.
   */
  public static long[] nextIds(Connection c, String sequence, int count, int block)
      throws SQLException {
    long[] ids = new long[count];
    if (count == 0) {
      return ids;
    }
    int blocks = (count + block - 1) / block;
    int filled = 0;
    if (Database.isPostgres(c)) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT nextval('" + sequence + "') FROM generate_series(1, ?)")) {
        ps.setInt(1, blocks);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            filled = fill(ids, filled, rs.getLong(1), block);
          }
        }
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement("SELECT NEXT VALUE FOR " + sequence)) {
        for (int b = 0; b < blocks; b++) {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            filled = fill(ids, filled, rs.getLong(1), block);
          }
        }
      }
    }
    if (filled < count) {
      throw new IllegalStateException("The sequence " + sequence + " gave too few values");
    }
    return ids;
  }

  private static int fill(long[] ids, int filled, long last, int block) {
    for (long id = last - block + 1; id <= last && filled < ids.length; id++) {
      ids[filled++] = id;
    }
    return filled;
  }

  /** "?,?,?" for an IN list of {@code n} values. */
  public static String marks(int n) {
    return "?,".repeat(n - 1) + "?";
  }

  /** Binds the values of an IN list from {@code index} on; the next free index. */
  public static int bindAll(PreparedStatement ps, int index, Collection<?> values)
      throws SQLException {
    for (Object v : values) {
      bind(ps, index++, v, v instanceof Long ? Types.BIGINT : Types.VARCHAR);
    }
    return index;
  }

  /** The values in IN lists of at most {@link #IN_LIST}, in their order. */
  public static <T> List<List<T>> inLists(Collection<T> all) {
    List<List<T>> parts = new ArrayList<>();
    List<T> part = new ArrayList<>();
    for (T t : all) {
      part.add(t);
      if (part.size() == IN_LIST) {
        parts.add(part);
        part = new ArrayList<>();
      }
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  /** What is done with each row of a query's result. */
  @FunctionalInterface
  public interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  /**
   * Runs a query that ends in an IN list ({@code sql} ends with "IN (") for the values, {@link
   * #IN_LIST} at a time, each row to {@code rows}.
   */
  public static void queryIn(Connection c, String sql, Collection<?> values, RowHandler rows)
      throws SQLException {
    for (List<?> part : inLists(values)) {
      try (PreparedStatement ps = c.prepareStatement(sql + marks(part.size()) + ")")) {
        bindAll(ps, 1, part);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.handle(rs);
          }
        }
      }
    }
  }

  /** Runs an update that ends in an IN list ({@code sql} ends with "IN (") for the values. */
  public static void updateIn(Connection c, String sql, Collection<?> values) throws SQLException {
    for (List<?> part : inLists(values)) {
      try (PreparedStatement ps = c.prepareStatement(sql + marks(part.size()) + ")")) {
        bindAll(ps, 1, part);
        ps.executeUpdate();
      }
    }
  }
}
