package com.smartpackageroom.domain.imports;

/** A line of an import file that cannot be imported; the import skips it and reports why. */
public class InvalidRowException extends Exception {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final String externalId;

  public InvalidRowException(long line, String externalId, String reason) {
    super(reason, null, false, false);
    this.line = line;
    this.externalId = externalId;
  }

  public long line() {
    return line;
  }

  /** The resident id the line gave, if any: a full import does not move that resident out. */
  public String externalId() {
    return externalId;
  }

  public String reason() {
    return getMessage();
  }
}
