package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFilesTest {

  @TempDir Path directory;

  /** The lines an upload counts as it is stored are those counted in the stored file. */
  @Test
  void anUploadCountsItsLinesAfterTheHeaderAsItIsStored() throws Exception {
    ImportFiles files = new ImportFiles();
    files.directory = directory.toString();
    files.maxMegabytes = 1;
    String[][] cases = {
      {"id,name\n", "0"},
      {"id,name", "0"},
      {"id,name\r\n1,a\r\n2,b\r\n", "2"},
      {"id,name\n1,a\n2,b", "2"},
      {"id,name\n1,\"two\nlines\"\n", "2"},
      {"id,name\n" + "1,a\n".repeat(40_000), "40000"},
    };
    for (String[] c : cases) {
      ImportFiles.Staged staged =
          files.store(new ByteArrayInputStream(c[0].getBytes(StandardCharsets.UTF_8)));
      assertEquals(Long.parseLong(c[1]), staged.lines(), c[0]);
      assertEquals(files.countLines(staged.file()), staged.lines(), c[0]);
      assertEquals(Files.size(staged.file()), staged.bytes());
      files.delete(staged.file());
    }
  }
}
