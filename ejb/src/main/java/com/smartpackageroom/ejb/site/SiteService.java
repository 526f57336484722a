package com.smartpackageroom.ejb.site;

import com.smartpackageroom.domain.contact.PhoneNumbers;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.site.Site;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Sites: created by administrators, settings changed by their property managers. */
@Stateless
public class SiteService {

  static final String DEFAULT_COUNTRY = "US";

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Clock clock;

  public SiteView create(Caller caller, SiteChanges fields) {
    guard.require(caller, Permission.CREATE_SITE);
    String name = Fields.required("name", fields.name(), 200);
    ZoneId zone = zone(Fields.required("timeZone", fields.timeZone(), 64));
    String country = fields.country() == null ? DEFAULT_COUNTRY : country(fields.country());
    Site site =
        new Site(
            name, zone, country, Boolean.TRUE.equals(fields.requestPinEnabled()), Times.now(clock));
    em.persist(site);
    em.flush();
    return SiteView.of(site);
  }

  public SiteView get(Caller caller, Long siteId) {
    return SiteView.of(guard.site(caller, siteId, Permission.VIEW_SITE));
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
    return sites.stream().map(SiteView::of).toList();
  }

  public SiteView change(Caller caller, Long siteId, SiteChanges changes) {
    Site site = guard.site(caller, siteId, Permission.CHANGE_SITE);
    if (changes.name() != null) {
      site.rename(Fields.required("name", changes.name(), 200));
    }
    if (changes.timeZone() != null) {
      site.moveToTimeZone(zone(Fields.required("timeZone", changes.timeZone(), 64)));
    }
    if (changes.requestPinEnabled() != null) {
      site.setRequestPinEnabled(changes.requestPinEnabled());
    }
    if (changes.country() != null && !country(changes.country()).equals(site.getCountry())) {
      throw DomainException.invalid(
          "country cannot be changed once set: stored phone numbers were read with it");
    }
    em.flush();
    return SiteView.of(site);
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
