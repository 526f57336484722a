package com.smartpackageroom.web.api;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.PageRequest;

/** The page and size query parameters, refused with a clear message when malformed. */
public final class Paging {

  private Paging() {}

  public static PageRequest of(String page, String size) {
    return new PageRequest(number("page", page, 0), number("size", size, PageRequest.DEFAULT_SIZE));
  }

  private static int number(String name, String raw, int fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name + " must be a whole number");
    }
  }
}
