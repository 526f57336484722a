package com.smartpackageroom.web.api;

import com.smartpackageroom.batch.imports.ImportFiles;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every request body of the APIs is bounded before anything reads it: 64 KiB of JSON, or
 * spr.import.max-file-mb for an import's CSV file. A body that declares a larger length is refused
 * with 413 problem+json at once, before any of it is read (and before authentication, so a
 * token-free endpoint is bounded too); one that does not (chunked) is read through a counter that
 * stops it with the same 413 at the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimit implements ContainerRequestFilter {

  private static final Pattern IMPORT_UPLOAD = Pattern.compile("/?v1/sites/[^/]+/imports/?");

  private final long csvMegabytes =
      ConfigProvider.getConfig()
          .getOptionalValue("spr.import.max-file-mb", Long.class)
          .orElse(200L);

  private final long csvLimit = csvMegabytes * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean csv = IMPORT_UPLOAD.matcher(request.getUriInfo().getPath()).matches();
    long limit = csv ? csvLimit : JsonBody.MAX_LENGTH;
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        request.abortWith(
            Problem.response(400, "invalid-request", "Content-Length is not a number"));
        return;
      }
      if (length > limit) {
        request.abortWith(
            csv
                ? Problem.response(413, "file-too-large", ImportFiles.tooLarge(csvMegabytes))
                : tooLarge());
        return;
      }
    }
    if (!csv) {
      // the import's upload counts its own bytes as it stores them
      request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }
  }

  private static jakarta.ws.rs.core.Response tooLarge() {
    return Problem.response(
        413,
        "file-too-large",
        "The request body is larger than the " + JsonBody.MAX_LENGTH / 1024 + " KiB allowed");
  }

  /** A body read no further than its limit. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private long read;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new WebApplicationException(tooLarge());
      }
    }
  }
}
