package com.smartpackageroom.ejb.site;

import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.contact.PhoneNumbers;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.platform.Fields;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sites: created by administrators, settings (name, time zone, phone country, Request PIN, the
 * validity of single access PINs) changed by their property managers.
 */
@Stateless
public class SiteService {

  static final String DEFAULT_COUNTRY = "US";

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Clock clock;

  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "spr.keys.single-access-pin-validity", defaultValue = "PT24H")
  Duration defaultPinValidity;

  @Inject
  @ConfigProperty(name = "spr.keys.single-access-pin-max-validity", defaultValue = "P30D")
  Duration maxPinValidity;

  public SiteView create(Caller caller, SiteChanges fields) {
    guard.require(caller, Permission.CREATE_SITE);
    String name = Fields.required("name", fields.name(), 200);
    ZoneId zone = zone(Fields.required("timeZone", fields.timeZone(), 64));
    String country = fields.country() == null ? DEFAULT_COUNTRY : country(fields.country());
    Site site =
        new Site(
            name, zone, country, Boolean.TRUE.equals(fields.requestPinEnabled()), Times.now(clock));
    if (fields.singleAccessPinValidity() != null) {
      site.setSingleAccessPinValidity(validity(fields.singleAccessPinValidity()));
    }
    em.persist(site);
    em.flush();
    return view(site);
  }

  public SiteView get(Caller caller, Long siteId) {
    return view(guard.site(caller, siteId, Permission.VIEW_SITE));
  }

  public List<SiteView> list(Caller caller) {
    List<Site> sites =
        caller.isAdministrator()
            ? em.createQuery("SELECT s FROM Site s ORDER BY s.name, s.id", Site.class)
                .getResultList()
            : caller.siteIds().isEmpty()
                ? List.of()
                : em.createQuery(
                        "SELECT s FROM Site s WHERE s.id IN :ids ORDER BY s.name, s.id", Site.class)
                    .setParameter("ids", caller.siteIds())
                    .getResultList();
    return sites.stream().map(this::view).toList();
  }

  /** Changes a site's settings (the portal's Settings screen); audited, naming what changed. */
  public SiteView change(Caller caller, Long siteId, SiteChanges changes) {
    Site site = guard.site(caller, siteId, Permission.CHANGE_SITE);
    List<String> changed = new ArrayList<>();
    if (changes.name() != null) {
      site.rename(Fields.required("name", changes.name(), 200));
      changed.add("name");
    }
    if (changes.timeZone() != null) {
      site.moveToTimeZone(zone(Fields.required("timeZone", changes.timeZone(), 64)));
      changed.add("timeZone");
    }
    if (changes.requestPinEnabled() != null) {
      site.setRequestPinEnabled(changes.requestPinEnabled());
      changed.add("requestPinEnabled");
    }
    if (changes.country() != null) {
      String country = country(changes.country());
      if (!country.equals(site.getCountry())) {
        if (holdsPhoneNumbers(siteId)) {
          throw DomainException.invalid(
              "country cannot be changed once the site holds phone numbers: they were read with"
                  + " it");
        }
        site.moveToCountry(country);
        changed.add("country");
      }
    }
    if (changes.singleAccessPinValidity() != null) {
      site.setSingleAccessPinValidity(validity(changes.singleAccessPinValidity()));
      changed.add("singleAccessPinValidity");
    }
    em.flush();
    if (!changed.isEmpty()) {
      audit.record(
          siteId, AuditEventType.SITE_CHANGED, caller.actor(), null, String.join(", ", changed));
    }
    return view(site);
  }

  private SiteView view(Site site) {
    return SiteView.of(site, defaultPinValidity, maxPinValidity);
  }

  /**
   * A site's validity of single access PINs: an ISO-8601 duration from a minute to
   * spr.keys.single-access-pin-max-validity; none (empty) for the server's default.
   */
  private Duration validity(Optional<String> raw) {
    if (raw.isEmpty()) {
      return null;
    }
    Duration validity;
    try {
      validity = Duration.parse(Fields.required("singleAccessPinValidity", raw.get(), 40));
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          "singleAccessPinValidity must be an ISO-8601 duration such as PT24H or P3D");
    }
    if (validity.compareTo(MIN_PIN_VALIDITY) < 0 || validity.compareTo(maxPinValidity) > 0) {
      throw DomainException.invalid(
          "singleAccessPinValidity must be between PT1M and "
              + maxPinValidity
              + " (spr.keys.single-access-pin-max-validity)");
    }
    return validity;
  }

  static final Duration MIN_PIN_VALIDITY = Duration.ofMinutes(1);

  /** Whether a recipient or courier of the site has a phone number, read with its country. */
  private boolean holdsPhoneNumbers(Long siteId) {
    return !em.createQuery(
                "SELECT r.id FROM Recipient r WHERE r.siteId = :site AND r.phone IS NOT NULL",
                Long.class)
            .setParameter("site", siteId)
            .setMaxResults(1)
            .getResultList()
            .isEmpty()
        || !em.createQuery(
                "SELECT c.id FROM Courier c WHERE c.siteId = :site AND c.phone IS NOT NULL",
                Long.class)
            .setParameter("site", siteId)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw DomainException.invalid(
          "timeZone is not a known time zone (use an IANA name such as America/New_York)");
    }
  }

  private static String country(String raw) {
    String code = Fields.required("country", raw, 2).toUpperCase(Locale.ROOT);
    if (!PhoneNumbers.isKnownRegion(code)) {
      throw DomainException.invalid("country must be an ISO 3166 country code such as US");
    }
    return code;
  }
}
