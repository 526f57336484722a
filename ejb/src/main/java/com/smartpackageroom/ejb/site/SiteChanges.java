package com.smartpackageroom.ejb.site;

/** A site's fields to set; null leaves a field as it is. */
public record SiteChanges(
    String name, String timeZone, Boolean requestPinEnabled, String country) {}
