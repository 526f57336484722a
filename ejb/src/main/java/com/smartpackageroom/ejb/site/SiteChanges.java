package com.smartpackageroom.ejb.site;

import java.util.Optional;

/**
 * A site's fields to set; null leaves a field as it is. {@code singleAccessPinValidity} is an
 * ISO-8601 duration (PT24H, P3D); empty sets it back to the server's default.
 */
public record SiteChanges(
    String name,
    String timeZone,
    Boolean requestPinEnabled,
    String country,
    Optional<String> singleAccessPinValidity) {

  public SiteChanges(String name, String timeZone, Boolean requestPinEnabled, String country) {
    this(name, timeZone, requestPinEnabled, country, null);
  }
}
