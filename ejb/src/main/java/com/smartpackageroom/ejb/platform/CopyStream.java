package com.smartpackageroom.ejb.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a PostgreSQL table with {@code COPY ... FROM STDIN} on the caller's connection
 * (and so in its transaction): written with {@link #row()}, each ended with {@link #endRow()}, sent
 * some 64 KB at a time, and committed to the table by {@link #finish()}. Closed without {@link
 * #finish()} (an exception), the COPY is cancelled and nothing of it is stored.
 */
public final class CopyStream implements AutoCloseable {

  /** Characters of COPY text gathered before they are sent. */
  private static final int BUFFER = 64 * 1024;

  private final CopyIn copy;
  private final StringBuilder text = new StringBuilder(BUFFER + 4096);
  private final CopyText rows = new CopyText(text);

  public CopyStream(Connection c, String table, String columns) throws SQLException {
    copy =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
  }

  /** The row being written: its values in the order of the columns. */
  public CopyText row() {
    return rows;
  }

  /** Ends the row; sends what has gathered once it is large enough. */
  public void endRow() throws SQLException {
    rows.end();
    if (text.length() >= BUFFER) {
      send();
    }
  }

  /** Sends the rest and ends the COPY: its rows are in the table. */
  public void finish() throws SQLException {
    send();
    copy.endCopy();
  }

  @Override
  public void close() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void send() throws SQLException {
    if (text.length() > 0) {
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      text.setLength(0);
    }
  }
}
