package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ImportLayout;
import com.smartpackageroom.domain.imports.RecipientImport;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The uploaded files of imports, kept (readable by the server's user only) until their import
 * completes, so that a restarted job reads the same file.
 */
@ApplicationScoped
public class ImportFiles {

  @Inject
  @ConfigProperty(name = "spr.import.directory")
  String directory;

  @Inject ImportFileStore store;

  @Inject
  @ConfigProperty(name = "spr.import.max-file-mb", defaultValue = "200")
  long maxMegabytes;

  /**
   * An upload as stored: the file, its bytes and its lines after the header ({@link #countLines},
   * counted as it was written).
   */
  public record Staged(Path file, long bytes, long lines) {}

  /** Why an upload over the limit of {@code megabytes} is refused (413 file-too-large). */
  public static String tooLarge(long megabytes) {
    return "The file is larger than the "
        + megabytes
        + " MB an import accepts (spr.import.max-file-mb)";
  }

  /** Stores an upload; refuses an empty or oversized one. */
  public Staged store(InputStream body) {
    long limit = maxMegabytes * 1024 * 1024;
    Path file = null;
    try {
      Path dir = Path.of(directory);
      Files.createDirectories(dir);
      file = dir.resolve("import-" + UUID.randomUUID() + ".csv");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      long total = 0;
      long breaks = 0;
      int last = '\n';
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = body;
          OutputStream out = Files.newOutputStream(file)) {
        int n;
        while (in != null && (n = in.read(buffer)) > 0) {
          breaks += breaks(buffer, n);
          last = buffer[n - 1];
          total += n;
          if (total > limit) {
            throw new DomainException(Reason.TOO_LARGE, "file-too-large", tooLarge(maxMegabytes));
          }
          out.write(buffer, 0, n);
        }
      }
      if (total == 0) {
        throw new DomainException(
            Reason.UNPROCESSABLE,
            "invalid-file",
            "The file is empty: send the CSV export as the body");
      }
      return new Staged(file, total, lines(breaks, last));
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException("The import file could not be stored in " + directory, e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  /**
   * Takes a file dropped for the schedule into the import directory (a move: one instance wins when
   * several share the drop directory); empty when it is gone or cannot be moved.
   */
  public Optional<Path> adopt(Path dropped) {
    try {
      Path dir = Path.of(directory);
      Files.createDirectories(dir);
      Path file = dir.resolve("import-" + UUID.randomUUID() + ".csv");
      try {
        Files.move(dropped, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        // another file system: copy, then take the original away (the copy is ours either way)
        Files.copy(dropped, file, LinkOption.NOFOLLOW_LINKS);
        Files.delete(dropped);
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        // replaced by a link after it was looked at: never followed
        Files.delete(file);
        throw new IOException(dropped + " is not a regular file");
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Optional.of(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("The dropped file " + dropped + " could not be moved", e);
    }
  }

  /** Refuses a file whose header lacks columns of the layout, naming them. */
  public void requireColumns(Path file, ImportLayout layout) {
    List<String> header;
    // read as the read step reads it: the header is the file's first record
    try (CsvRecords records = new CsvRecords(open(file), LineFile.MAX_FIELD)) {
      header = records.next() ? records.values() : List.of();
    } catch (CsvRecords.OversizedHeader e) {
      throw new DomainException(Reason.UNPROCESSABLE, "invalid-file", e.getMessage());
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new DomainException(
          Reason.UNPROCESSABLE,
          "invalid-file",
          "The file is not a CSV file with a header row (UTF-8, comma-separated)");
    }
    List<String> missing = layout.missingColumns(header);
    if (!missing.isEmpty()) {
      throw new DomainException(
          Reason.UNPROCESSABLE,
          "invalid-file",
          "The file does not fit layout="
              + layout.apiName()
              + " ("
              + layout.systemName()
              + "): it has no column "
              + String.join(", ", missing)
              + ". Its columns are: "
              + String.join(", ", header.stream().limit(30).toList()));
    }
  }

  /** An import's file as text, wherever it is kept (the database, or a file of earlier imports). */
  public Reader open(RecipientImport imp) throws IOException {
    if (RecipientImport.FILE_REMOVED.equals(imp.getFilePath())) {
      throw new IllegalStateException(
          "The file of import " + imp.getId() + " is no longer kept: upload it again");
    }
    return ImportFileStore.IN_DATABASE.equals(imp.getFilePath())
        ? open(store.open(imp.getId()))
        : open(Path.of(imp.getFilePath()));
  }

  /** Whether an import's file is still kept (a completed import's is deleted). */
  public boolean exists(RecipientImport imp) {
    if (RecipientImport.FILE_REMOVED.equals(imp.getFilePath())) {
      return false;
    }
    return ImportFileStore.IN_DATABASE.equals(imp.getFilePath())
        ? store.exists(imp.getId())
        : exists(imp.getFilePath());
  }

  /** Deletes an import's file (it completed). */
  public void delete(RecipientImport imp) {
    if (RecipientImport.FILE_REMOVED.equals(imp.getFilePath())) {
      return;
    }
    if (ImportFileStore.IN_DATABASE.equals(imp.getFilePath())) {
      store.delete(imp.getId());
    } else {
      delete(Path.of(imp.getFilePath()));
    }
  }

  public static Reader open(Path file) throws IOException {
    return open(Files.newInputStream(file));
  }

  /** The file as text: UTF-8 (a malformed byte fails the read), without a byte-order mark. */
  static Reader open(InputStream bytes) throws IOException {
    BufferedReader reader =
        new BufferedReader(
            new java.io.InputStreamReader(
                bytes,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            64 * 1024);
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
    } catch (IOException | RuntimeException e) {
      // nobody else would close what the first read opened (a connection to the database)
      try {
        reader.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return reader;
  }

  private static boolean exists(String file) {
    return file != null && Files.isRegularFile(Path.of(file));
  }

  /**
   * The lines of the file after its header, for an import's progress bar: its line breaks counted
   * in one pass over the bytes (a quoted value over several lines counts each, as the line numbers
   * of the import's report do; a last line without a break counts too).
   */
  public long countLines(Path file) {
    long breaks = 0;
    int last = '\n';
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        breaks += breaks(buffer, n);
        last = buffer[n - 1];
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The import file " + file + " cannot be read", e);
    }
    return lines(breaks, last);
  }

  private static long breaks(byte[] buffer, int n) {
    long breaks = 0;
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        breaks++;
      }
    }
    return breaks;
  }

  /** The lines after the header, from the file's line breaks and its last byte. */
  private static long lines(long breaks, int last) {
    long lines = breaks + (last == '\n' ? 0 : 1);
    return Math.max(0, lines - 1);
  }

  public long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("The import file " + file + " cannot be read", e);
    }
  }

  public void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover file is removed with the next clean-up of the directory
    }
  }

  static boolean isEncodingProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }
}
