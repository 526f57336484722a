package com.smartpackageroom.ejb.platform;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The rows of a query read from PostgreSQL with {@code COPY (query) TO STDOUT (FORMAT binary)} on
 * the caller's connection (and so in its transaction): the server sends the rows as fast as it
 * makes them, while a cursor would have it wait for each fetch, and each row arrives as one message
 * whose values are read in place (no object per value). The query takes no parameters: only numbers
 * the caller owns go into its text.
 */
public final class CopyOutRows implements AutoCloseable {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };

  private final CopyOut copy;
  private ByteBuffer row;
  private boolean first = true;
  private int[] offsets = new int[8];
  private int[] lengths = new int[8];
  private int columns;

  public CopyOutRows(Connection c, String query) throws SQLException {
    copy =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("COPY (" + query + ") TO STDOUT (FORMAT binary)");
  }

  /** Moves to the next row; false after the last. */
  public boolean next() throws SQLException {
    if (!copy.isActive()) {
      return false;
    }
    byte[] message = copy.readFromCopy();
    if (message == null) {
      return false;
    }
    try {
      return take(ByteBuffer.wrap(message));
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new SQLException("A binary COPY message could not be read", e);
    }
  }

  /** Reads a row from its message (after the header, in the first). */
  private boolean take(ByteBuffer b) throws SQLException {
    if (first) {
      // the header comes with the first row: its signature, flags and an extension to skip
      first = false;
      for (byte s : SIGNATURE) {
        if (b.get() != s) {
          throw new SQLException("Not a binary COPY: its signature is wrong");
        }
      }
      b.getInt();
      int extension = b.getInt();
      b.position(b.position() + extension);
      if (!b.hasRemaining()) {
        // the header in a message of its own (the server sends it with the first row)
        return next();
      }
    }
    short count = b.getShort();
    if (count < 0) {
      // the trailer: the server ends the COPY with its next message
      while (copy.readFromCopy() != null) {
        // nothing after the trailer is data
      }
      return false;
    }
    if (count > offsets.length) {
      offsets = new int[count];
      lengths = new int[count];
    }
    for (int i = 0; i < count; i++) {
      int length = b.getInt();
      lengths[i] = length;
      offsets[i] = b.position();
      if (length > 0) {
        b.position(b.position() + length);
      }
    }
    if (b.hasRemaining()) {
      throw new SQLException("A binary COPY message held more than one row");
    }
    columns = count;
    row = b;
    return true;
  }

  /** Whether the column (0: the first) is null in this row. */
  public boolean isNull(int column) {
    return length(column) < 0;
  }

  /** A {@code bigint} column (not null). */
  public long getLong(int column) {
    requireLength(column, 8);
    return row.getLong(offsets[column]);
  }

  /** A {@code boolean} column (not null). */
  public boolean getBoolean(int column) {
    requireLength(column, 1);
    return row.get(offsets[column]) != 0;
  }

  /** The row's message, in which {@link #offset} and {@link #length} find a column's bytes. */
  public byte[] bytes() {
    return row.array();
  }

  /** Where a column's bytes begin in {@link #bytes()} (a text column: its UTF-8 bytes). */
  public int offset(int column) {
    length(column);
    return offsets[column];
  }

  /** How many bytes the column has; -1 for null. */
  public int length(int column) {
    if (column < 0 || column >= columns) {
      throw new IllegalArgumentException("column " + column + " of " + columns);
    }
    return lengths[column];
  }

  private void requireLength(int column, int expected) {
    if (length(column) != expected) {
      throw new IllegalStateException(
          "column " + column + " has " + lengths[column] + " bytes, not " + expected);
    }
  }

  /**
   * Ends a COPY not read to its end by reading the rest: the driver's cancel of a COPY out leaves
   * its last messages on the connection for whoever uses it next (pgjdbc issues 1290 and 3163), and
   * the connection goes back to a pool. The callers read a few megabytes at most per COPY.
   */
  @Override
  public void close() throws SQLException {
    while (copy.isActive() && copy.readFromCopy() != null) {
      // the rest of the rows: nobody reads them
    }
  }
}
