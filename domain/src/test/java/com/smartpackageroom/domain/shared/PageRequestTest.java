package com.smartpackageroom.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void aPageIsAnOffsetIntoTheList() {
    assertEquals(0, new PageRequest(0, 50).offset());
    assertEquals(1500, new PageRequest(3, 500).offset());
  }

  @Test
  void pagesAndSizesOutOfRangeAreTheCallersMistake() {
    assertThrows(DomainException.class, () -> new PageRequest(-1, 50));
    assertThrows(DomainException.class, () -> new PageRequest(0, 0));
    assertThrows(DomainException.class, () -> new PageRequest(0, 501));
    // an offset past what a list can hold, instead of an overflow
    assertThrows(DomainException.class, () -> new PageRequest(Integer.MAX_VALUE, 2));
    assertThrows(DomainException.class, () -> new PageRequest(4_294_967, 500));
  }
}
