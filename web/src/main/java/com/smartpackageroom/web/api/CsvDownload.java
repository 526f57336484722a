package com.smartpackageroom.web.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A CSV file as a download, written by a service straight into the answer as it is produced. */
public final class CsvDownload {

  public static final String MEDIA_TYPE = "text/csv";

  private CsvDownload() {}

  public static Response.ResponseBuilder of(String fileName, Consumer<Writer> writeTo) {
    StreamingOutput body =
        output -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
          writeTo.accept(writer);
          writer.flush();
        };
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .cacheControl(noStore);
  }
}
