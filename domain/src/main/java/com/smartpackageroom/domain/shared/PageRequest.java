package com.smartpackageroom.domain.shared;

/** A page of a list, as the APIs take it: page from 0, size 1 to 500 (default 50). */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public PageRequest {
    if (page < 0) {
      throw DomainException.invalid("page must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw DomainException.invalid("size must be between 1 and " + MAX_SIZE);
    }
    // the end of the page must fit too: the JPA provider adds the size to the offset
    if (((long) page + 1) * size > Integer.MAX_VALUE) {
      throw DomainException.invalid("page is too large: no list has that many items");
    }
  }

  public int offset() {
    return page * size;
  }
}
