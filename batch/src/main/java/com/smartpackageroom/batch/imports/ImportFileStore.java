package com.smartpackageroom.batch.imports;

import com.smartpackageroom.ejb.platform.CopyOutRows;
import com.smartpackageroom.ejb.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Import files kept in the database, in chunks of {@value #CHUNK} bytes, from the upload until the
 * import completes: any instance can then read the file of any import, so an import whose server
 * died is resumed by another one. A file is written in the caller's transaction (with the import's
 * row) and read chunk by chunk, so that neither side holds a whole file in memory.
 */
@ApplicationScoped
public class ImportFileStore {

  /** What an import's row says where its file is kept in the database. */
  public static final String IN_DATABASE = "database";

  static final int CHUNK = 1024 * 1024;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource transactional;

  @Resource(lookup = Database.AUTOCOMMIT)
  DataSource autocommit;

  /** Copies a staged file into the database, in the caller's transaction. */
  public void save(long importId, Path file) {
    try (Connection db = transactional.getConnection();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO import_file_chunk (import_id, seq, data) VALUES (?, ?, ?)");
        InputStream in = Files.newInputStream(file)) {
      byte[] chunk = new byte[CHUNK];
      int seq = 0;
      int filled;
      while ((filled = in.readNBytes(chunk, 0, CHUNK)) > 0) {
        insert.setLong(1, importId);
        insert.setInt(2, seq++);
        insert.setBytes(3, filled == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, filled));
        insert.executeUpdate();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The import file " + file + " cannot be read", e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The import file could not be kept in the database: " + e.getMessage(), e);
    }
  }

  /**
   * The file, read from the database: on PostgreSQL {@value #CHUNKS_A_COPY} chunks at a time with a
   * binary {@code COPY} (the server sends them one after the other, where a query a chunk left it
   * waiting for each); elsewhere a chunk at a time.
   */
  public InputStream open(long importId) {
    return Database.isPostgres(autocommit) ? new Copied(importId) : chunked(importId);
  }

  /**
   * Chunks read by one {@code COPY}: a few megabytes in memory, a statement of a moment whatever
   * the file's size.
   */
  static final int CHUNKS_A_COPY = 4;

  /**
   * The file's chunks in order, {@value #CHUNKS_A_COPY} at a time, each {@code COPY} read whole
   * within one call on a connection taken and returned in that call: a stream is read by two
   * threads in turn (the job's, for the header, then the reading thread), and a connection held
   * from one call to the next would cross them (the container tracks each connection by the call
   * that took it).
   */
  private final class Copied extends ChunkStream {
    private final long importId;
    private final byte[][] chunks = new byte[CHUNKS_A_COPY][];
    private final int[] offsets = new int[CHUNKS_A_COPY];
    private final int[] lengths = new int[CHUNKS_A_COPY];
    private int fetched;
    private int current = -1;
    private int nextSeq;
    private int position;
    private int end;
    private boolean ended;

    Copied(long importId) {
      this.importId = importId;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (position == end) {
        if (current + 1 < fetched) {
          current++;
          position = offsets[current];
          end = position + lengths[current];
          continue;
        }
        if (ended) {
          return -1;
        }
        fetch();
      }
      int n = Math.min(length, end - position);
      System.arraycopy(chunks[current], position, buffer, offset, n);
      position += n;
      return n;
    }

    /** The next chunks, with one COPY; marks the end of the file when fewer come than asked. */
    private void fetch() throws IOException {
      Arrays.fill(chunks, null);
      fetched = 0;
      current = -1;
      try (Connection db = autocommit.getConnection();
          CopyOutRows rows =
              new CopyOutRows(
                  db,
                  "SELECT data FROM import_file_chunk WHERE import_id = "
                      + importId
                      + " AND seq >= "
                      + nextSeq
                      + " AND seq < "
                      + (nextSeq + CHUNKS_A_COPY)
                      + " ORDER BY seq")) {
        while (rows.next()) {
          chunks[fetched] = rows.bytes();
          offsets[fetched] = rows.offset(0);
          lengths[fetched] = Math.max(0, rows.length(0));
          fetched++;
        }
      } catch (SQLException | RuntimeException e) {
        ended = true;
        fetched = 0;
        throw new IOException("The import file cannot be read from the database", e);
      }
      nextSeq += fetched;
      ended = fetched < CHUNKS_A_COPY;
    }

    @Override
    public void close() {
      ended = true;
      fetched = 0;
      Arrays.fill(chunks, null);
    }
  }

  /** A stream of the file's chunks, whose single byte is read as an array of one. */
  private abstract static class ChunkStream extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }
  }

  /** The file, read a chunk at a time. */
  private InputStream chunked(long importId) {
    return new ChunkStream() {
      private byte[] chunk = new byte[0];
      private int position;
      private int next;
      private boolean ended;

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        while (position == chunk.length) {
          if (ended) {
            return -1;
          }
          byte[] fetched = chunk(importId, next++);
          if (fetched == null) {
            ended = true;
            return -1;
          }
          chunk = fetched;
          position = 0;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
      }
    };
  }

  private byte[] chunk(long importId, int seq) throws IOException {
    try (Connection db = autocommit.getConnection();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT data FROM import_file_chunk WHERE import_id = ? AND seq = ?")) {
      query.setLong(1, importId);
      query.setInt(2, seq);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new IOException("The import file cannot be read from the database", e);
    }
  }

  /** Whether the import's file is still kept. */
  public boolean exists(long importId) {
    try (Connection db = autocommit.getConnection();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT 1 FROM import_file_chunk WHERE import_id = ? AND seq = 0")) {
      query.setLong(1, importId);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
  }

  /** Removes the import's file (its import completed). */
  public void delete(long importId) {
    try (Connection db = autocommit.getConnection();
        PreparedStatement delete =
            db.prepareStatement("DELETE FROM import_file_chunk WHERE import_id = ?")) {
      delete.setLong(1, importId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
  }
}
