package com.smartpackageroom.web.portal.settings;

import com.smartpackageroom.domain.contact.PhoneNumbers;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.ejb.site.SiteChanges;
import com.smartpackageroom.ejb.site.SiteService;
import com.smartpackageroom.ejb.site.SiteView;
import com.smartpackageroom.web.portal.FieldErrors;
import com.smartpackageroom.web.portal.FieldErrors.Field;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings (property managers and administrators): the chosen site's name, time zone, country for
 * phone numbers, Request PIN at the kiosk, and the default validity of a one-time PIN (the same
 * service as PATCH /api/v1/sites/{id}). Administrators also see every site and create one (POST
 * /api/v1/sites), and the administrators, and invite one (POST /api/v1/administrators).
 */
@Named
@ViewScoped
public class SiteSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The units a PIN's validity is given in, largest first. */
  public enum Unit {
    DAYS("days", Duration.ofDays(1)),
    HOURS("hours", Duration.ofHours(1)),
    MINUTES("minutes", Duration.ofMinutes(1));

    final String label;
    final Duration length;

    Unit(String label, Duration length) {
      this.label = label;
      this.length = length;
    }

    public String getLabel() {
      return label;
    }
  }

  static final Map<String, Field> SITE_FIELDS =
      Map.of(
          "name", new Field("site:name", "Site name"),
          "timeZone", new Field("site:timeZone", "Time zone"),
          "country", new Field("site:country", "Country for phone numbers"));

  static final Map<String, Field> NEW_SITE_FIELDS =
      Map.of(
          "name", new Field("newSite:name", "Site name"),
          "timeZone", new Field("newSite:timeZone", "Time zone"),
          "country", new Field("newSite:country", "Country for phone numbers"));

  static final Map<String, Field> ADMIN_FIELDS =
      Map.of(
          "email", new Field("newAdmin:email", "Email"),
          "firstName", new Field("newAdmin:firstName", "First name"),
          "lastName", new Field("newAdmin:lastName", "Last name"));

  @EJB SiteService sites;
  @EJB AccountService accounts;
  @Inject PortalUser me;

  private SiteView site;
  private String name;
  private String timeZone;
  private String country;
  private boolean requestPin;
  private boolean defaultValidity;
  private Integer validityAmount;
  private Unit validityUnit = Unit.HOURS;

  private List<SiteView> allSites = List.of();
  private List<StaffView> administrators = List.of();
  private String newSiteName;
  private String newSiteTimeZone;
  private String newSiteCountry = "US";
  private boolean newSiteRequestPin;
  private String adminEmail;
  private String adminFirstName;
  private String adminLastName;

  /** On opening: staff are sent back to the Dashboard, told why. */
  public void load() {
    if (!me.isManager() || me.getSiteId() == null) {
      Messages.errorAfterRedirect("Settings are for property managers and administrators.");
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
      return;
    }
    show(sites.get(me.caller(), me.getSiteId()));
    if (isAdministrator()) {
      allSites = sites.list(me.caller());
      administrators = accounts.administrators(me.caller());
    }
  }

  private void show(SiteView view) {
    site = view;
    name = view.name();
    timeZone = view.timeZone();
    country = view.country();
    requestPin = view.requestPinEnabled();
    defaultValidity = view.singleAccessPinValidityIsDefault();
    Duration validity = Duration.parse(view.singleAccessPinValidity());
    validityUnit = unitOf(validity);
    validityAmount = (int) (validity.toSeconds() / validityUnit.length.toSeconds());
  }

  /** "Save": the same service as PATCH /api/v1/sites/{id}; a refusal beside its field. */
  public void save() {
    if (site == null) {
      return;
    }
    Optional<String> validity;
    if (defaultValidity) {
      validity = Optional.empty();
    } else if (validityAmount == null) {
      Messages.error(
          "site:validityAmount",
          "Give a number of " + validityUnit.label + ", or use the server's default.");
      return;
    } else {
      validity = Optional.of(validityUnit.length.multipliedBy(validityAmount).toString());
    }
    try {
      show(
          sites.change(
              me.caller(),
              site.id(),
              new SiteChanges(name, timeZone, requestPin, country, validity)));
      Messages.info(null, "The settings of " + site.name() + " are saved.");
    } catch (DomainException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("singleAccessPinValidity")) {
        Messages.error(
            "site:validityAmount",
            "Choose from 1 minute to "
                + longest(Duration.parse(site.singleAccessPinMaxValidity()))
                + ".");
      } else {
        FieldErrors.show(e, SITE_FIELDS, null);
      }
    }
  }

  /** The largest unit the duration is a whole number of (24 hours rather than 1 day). */
  static Unit unitOf(Duration duration) {
    for (Unit unit : Unit.values()) {
      long seconds = unit.length.toSeconds();
      if (duration.toSeconds() % seconds == 0
          && (unit != Unit.DAYS || duration.toSeconds() / seconds > 1)) {
        return unit;
      }
    }
    return Unit.MINUTES;
  }

  static String longest(Duration max) {
    Unit unit = unitOf(max);
    return max.toSeconds() / unit.length.toSeconds() + " " + unit.label;
  }

  /** The longest validity a site may choose, in words. */
  public String getMaxValidity() {
    return site == null ? "" : longest(Duration.parse(site.singleAccessPinMaxValidity()));
  }

  /** "Create site" (administrators): the same service as POST /api/v1/sites. */
  public void createSite() {
    try {
      SiteView created =
          sites.create(
              me.caller(),
              new SiteChanges(newSiteName, newSiteTimeZone, newSiteRequestPin, newSiteCountry));
      Messages.info(
          null,
          created.name()
              + " is created. Choose it in the site switcher to register its kiosks and invite"
              + " its property managers.");
      newSiteName = null;
      newSiteTimeZone = null;
      newSiteCountry = "US";
      newSiteRequestPin = false;
      allSites = sites.list(me.caller());
    } catch (DomainException e) {
      FieldErrors.show(e, NEW_SITE_FIELDS, null);
    }
  }

  /** "Invite administrator": the same service as POST /api/v1/administrators. */
  public void createAdministrator() {
    try {
      StaffView created =
          accounts.createAdministrator(me.caller(), adminEmail, adminFirstName, adminLastName);
      Messages.info(
          null,
          "An invitation was sent to "
              + created.email()
              + ". "
              + created.firstName()
              + " sets a password from its link (it works once, for 72 hours).");
      adminEmail = null;
      adminFirstName = null;
      adminLastName = null;
      administrators = accounts.administrators(me.caller());
    } catch (DomainException e) {
      FieldErrors.show(e, ADMIN_FIELDS, "newAdmin:email");
    }
  }

  public boolean isAdministrator() {
    return me.getIdentity() != null && me.caller().isAdministrator();
  }

  /** IANA time zones, as the API takes them. */
  public List<String> getTimeZones() {
    return ZoneId.getAvailableZoneIds().stream()
        .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
        .sorted()
        .toList();
  }

  /** The countries whose phone numbers the server reads, by name. */
  public List<SelectItem> getCountries() {
    return java.util.Arrays.stream(Locale.getISOCountries())
        .filter(PhoneNumbers::isKnownRegion)
        .map(
            c ->
                new SelectItem(
                    c, new Locale("", c).getDisplayCountry(Locale.ENGLISH) + " (" + c + ")"))
        .sorted(Comparator.comparing(SelectItem::getLabel))
        .toList();
  }

  public Unit[] getUnits() {
    return Unit.values();
  }

  public String yesNo(boolean value) {
    return value ? "On" : "Off";
  }

  public SiteView getSite() {
    return site;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public boolean isRequestPin() {
    return requestPin;
  }

  public void setRequestPin(boolean requestPin) {
    this.requestPin = requestPin;
  }

  public boolean isDefaultValidity() {
    return defaultValidity;
  }

  public void setDefaultValidity(boolean defaultValidity) {
    this.defaultValidity = defaultValidity;
  }

  public Integer getValidityAmount() {
    return validityAmount;
  }

  public void setValidityAmount(Integer validityAmount) {
    this.validityAmount = validityAmount;
  }

  public Unit getValidityUnit() {
    return validityUnit;
  }

  public void setValidityUnit(Unit validityUnit) {
    this.validityUnit = validityUnit;
  }

  public List<SiteView> getAllSites() {
    return allSites;
  }

  public List<StaffView> getAdministrators() {
    return administrators;
  }

  public String getNewSiteName() {
    return newSiteName;
  }

  public void setNewSiteName(String newSiteName) {
    this.newSiteName = newSiteName;
  }

  public String getNewSiteTimeZone() {
    return newSiteTimeZone;
  }

  public void setNewSiteTimeZone(String newSiteTimeZone) {
    this.newSiteTimeZone = newSiteTimeZone;
  }

  public String getNewSiteCountry() {
    return newSiteCountry;
  }

  public void setNewSiteCountry(String newSiteCountry) {
    this.newSiteCountry = newSiteCountry;
  }

  public boolean isNewSiteRequestPin() {
    return newSiteRequestPin;
  }

  public void setNewSiteRequestPin(boolean newSiteRequestPin) {
    this.newSiteRequestPin = newSiteRequestPin;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public String getAdminFirstName() {
    return adminFirstName;
  }

  public void setAdminFirstName(String adminFirstName) {
    this.adminFirstName = adminFirstName;
  }

  public String getAdminLastName() {
    return adminLastName;
  }

  public void setAdminLastName(String adminLastName) {
    this.adminLastName = adminLastName;
  }
}
