package com.smartpackageroom.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PersonNameTest {

  @Test
  void namesSortByLastThenFirstNameRegardlessOfCaseAndAccents() {
    record Name(String first, String last) {}
    List<String> sorted =
        Stream.of(
                new Name("Zoë", "O'Brien"),
                new Name("Émile", "Évans"),
                new Name("ann", "de Vries"),
                new Name("Bo", "Davis"),
                new Name("Al", "Davis"),
                new Name("Ana", "Zimmer"))
            .sorted(Comparator.comparing(n -> PersonName.sortKey(n.first(), n.last())))
            .map(n -> PersonName.display(n.first(), n.last()))
            .toList();
    assertEquals(
        List.of("Al Davis", "Bo Davis", "ann de Vries", "Émile Évans", "Zoë O'Brien", "Ana Zimmer"),
        sorted);
  }

  @Test
  void theKeyIgnoresSurroundingSpaces() {
    assertEquals(PersonName.sortKey("Ana", "Núñez"), PersonName.sortKey(" ana ", " nunez "));
  }
}
