package com.smartpackageroom.batch.imports;

/** More lines of the file were refused than spr.import.skip-limit allows: the import fails. */
public class SkipLimitExceeded extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SkipLimitExceeded(long limit) {
    super("More than " + limit + " lines could not be imported (spr.import.skip-limit)");
  }
}
