package com.smartpackageroom.web.portal.audit;

import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.ejb.audit.AuditEventView;
import com.smartpackageroom.ejb.audit.AuditFilter;
import com.smartpackageroom.ejb.audit.AuditQueries;
import com.smartpackageroom.ejb.kiosk.KioskRegistry;
import com.smartpackageroom.ejb.kiosk.KioskView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PagedModel;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.SiteTimes;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * Audit log (property managers and administrators): the site's events, newest first, a page at a
 * time, filtered by date range, person, kiosk and event type as GET /api/v1/sites/{id}/audit-events
 * filters them (the same AuditFilter and AuditQueries), and the same events as CSV.
 */
@Named("auditLog")
@ViewScoped
public class AuditLogPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AuditQueries audit;
  @EJB AccountService accounts;
  @EJB KioskRegistry kiosks;
  @Inject PortalUser me;

  private LocalDate from;
  private LocalDate to;
  private String actor;
  private Long kioskId;
  private String type;

  /** The filter applied: as the API's query parameters. */
  private final Map<String, String> applied = new LinkedHashMap<>();

  private AuditFilter filter = AuditFilter.NONE;

  private final Map<String, String> people = new LinkedHashMap<>();
  private final Map<Long, String> kioskNames = new LinkedHashMap<>();

  /** The names of the holders of the page's events. */
  private final Map<String, String> holders = new java.util.HashMap<>();

  private final LazyDataModel<AuditEventView> model = new PagedModel<>(this::page, row -> row.id());

  private Page<AuditEventView> page(int number, int size) {
    if (me.getSiteId() == null) {
      return new Page<>(List.of(), 0, number, size);
    }
    Page<AuditEventView> found =
        audit.list(me.caller(), me.getSiteId(), filter, new PageRequest(number, size));
    holders.clear();
    holders.putAll(audit.holderNames(me.caller(), me.getSiteId(), found.items()));
    return found;
  }

  /** The key an event names, in words: "PIN 12", "QR code 13", "Key card 14". */
  public String keyName(String type, Long id) {
    if (type == null && id == null) {
      return "";
    }
    String kind =
        type == null
            ? "Key"
            : switch (type) {
              case "QR" -> "QR code";
              case "KEY_CARD" -> "Key card";
              default -> type;
            };
    return id == null ? kind : kind + " " + id;
  }

  /** Whose key it is: "Noah Smith (resident)", or the kind and id when the name is gone. */
  public String holderName(String kind, Long id) {
    if (kind == null || id == null) {
      return "";
    }
    String role =
        switch (kind) {
          case "RECIPIENT" -> "resident";
          case "COURIER" -> "courier";
          default -> "staff";
        };
    String name = holders.get(kind + ":" + id);
    return name == null ? "A " + role + " no longer here (" + id + ")" : name + " (" + role + ")";
  }

  /** On opening: a role that may not read the audit log is sent back to the Dashboard. */
  public void load() {
    try {
      audit.count(me.caller(), me.getSiteId(), AuditFilter.NONE);
    } catch (DomainException e) {
      Messages.errorAfterRedirect("The audit log is for property managers and administrators.");
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
      return;
    }
    people.put(me.caller().actor(), me.getName());
    try {
      accounts.staffOf(me.caller(), me.getSiteId()).stream()
          .sorted(Comparator.comparing(StaffView::lastName).thenComparing(StaffView::firstName))
          .forEach(s -> people.put("account:" + s.id(), s.firstName() + " " + s.lastName()));
      for (KioskView kiosk : kiosks.list(me.caller(), me.getSiteId())) {
        kioskNames.put(kiosk.id(), kiosk.name());
      }
    } catch (DomainException e) {
      // the names are a help; the log is shown without them
    }
  }

  /** Search: the fields as the API's parameters, checked by the API's own AuditFilter. */
  public void search() {
    ZoneId zone = SiteTimes.zone(me);
    String fromParam = from == null ? null : from.atStartOfDay(zone).toOffsetDateTime().toString();
    // "To" is a whole day: up to the start of the next one (the filter's to is exclusive)
    String toParam =
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString();
    String kioskParam = kioskId == null ? null : kioskId.toString();
    try {
      filter = AuditFilter.parse(fromParam, toParam, actor, kioskParam, type);
    } catch (DomainException e) {
      if (e.getMessage().startsWith("from must be before to")) {
        Messages.error("filters:to", "To must be the day of From or later.");
      } else if (e.getMessage().startsWith("actor")) {
        Messages.error("filters:actor", e.getMessage());
      } else {
        Messages.error(null, e.getMessage());
      }
      return;
    }
    applied.clear();
    put("from", fromParam);
    put("to", toParam);
    put("actor", actor);
    put("kioskId", kioskParam);
    put("type", type);
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(":events:list");
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void clear() {
    from = null;
    to = null;
    actor = null;
    kioskId = null;
    type = null;
    search();
  }

  private void put(String name, String value) {
    if (value != null && !value.isBlank()) {
      applied.put(name, value);
    }
  }

  /** Export CSV: the portal's download of what GET .../audit-events.csv gives, same filters. */
  public String getCsvLink() {
    StringBuilder link =
        new StringBuilder(
            FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/downloads/audit-events.csv");
    char separator = '?';
    for (Map.Entry<String, String> p : applied.entrySet()) {
      link.append(separator)
          .append(p.getKey())
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return link.toString();
  }

  public List<SelectItem> getPeople() {
    List<SelectItem> items = new ArrayList<>();
    people.forEach((value, label) -> items.add(new SelectItem(value, label)));
    return items;
  }

  public List<SelectItem> getKiosks() {
    List<SelectItem> items = new ArrayList<>();
    kioskNames.forEach((value, label) -> items.add(new SelectItem(value, label)));
    return items;
  }

  public List<SelectItem> getTypes() {
    List<SelectItem> items = new ArrayList<>();
    for (AuditEventType t : AuditEventType.values()) {
      items.add(new SelectItem(t.name(), typeName(t.name())));
    }
    return items;
  }

  /** KEY_VIEWED as "Key viewed". */
  public String typeName(String type) {
    String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
    words = words.replace("pin", "PIN").replace("api", "API");
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Who acted, by name where the site knows them. */
  public String who(String actor) {
    String name = actor == null ? null : people.get(actor);
    if (name != null) {
      return name;
    }
    if (actor != null && actor.startsWith("kiosk:")) {
      try {
        String kiosk = kioskNames.get(Long.valueOf(actor.substring(6)));
        if (kiosk != null) {
          return "Kiosk " + kiosk;
        }
      } catch (NumberFormatException e) {
        // shown as it is
      }
    }
    return actor;
  }

  public String kioskName(Long id) {
    if (id == null) {
      return "";
    }
    return kioskNames.getOrDefault(id, "Kiosk " + id);
  }

  public String when(Instant at) {
    return SiteTimes.format(me, at);
  }

  public LazyDataModel<AuditEventView> getModel() {
    return model;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public Long getKioskId() {
    return kioskId;
  }

  public void setKioskId(Long kioskId) {
    this.kioskId = kioskId;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }
}
