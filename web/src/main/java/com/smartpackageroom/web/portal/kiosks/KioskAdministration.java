package com.smartpackageroom.web.portal.kiosks;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.kiosk.KioskRegistry;
import com.smartpackageroom.ejb.kiosk.KioskView;
import com.smartpackageroom.ejb.site.SiteView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * Kiosks (property managers and administrators): register a kiosk and see its token once, each
 * kiosk's throttle (failures within 24 hours, failures in a row, until when it refuses everyone,
 * its last sign-in), clear its failures, rotate its token, retire it. Translates and calls the same
 * service as the management API.
 */
@Named
@ViewScoped
public class KioskAdministration implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @EJB KioskRegistry registry;

  @Inject PortalUser me;

  private List<KioskView> kiosks = List.of();
  private String name;
  private KioskView withToken;
  private KioskView chosen;

  /** On opening: a role that may not manage kiosks is sent back to the Dashboard, told why. */
  public void load() {
    try {
      kiosks = registry.list(me.caller(), me.getSiteId());
    } catch (DomainException e) {
      Messages.errorAfterRedirect("Kiosks are for property managers and administrators.");
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
    }
  }

  public void register() {
    if (name == null || name.isBlank()) {
      Messages.error("register:kioskName", "Give the kiosk a name, such as Lobby or Back door.");
      return;
    }
    KioskView registered =
        act("register:kioskName", () -> registry.register(me.caller(), me.getSiteId(), name));
    if (registered != null) {
      withToken = registered;
      name = null;
    }
  }

  public void clearThrottle(KioskView kiosk) {
    if (act(null, () -> registry.clearThrottle(me.caller(), kiosk.id())) != null) {
      Messages.info(null, "The failures of " + kiosk.name() + " are cleared: it answers again.");
    }
  }

  public void choose(KioskView kiosk) {
    chosen = kiosk;
  }

  public void rotateToken() {
    if (chosen != null) {
      KioskView rotated = act(null, () -> registry.rotateToken(me.caller(), chosen.id()));
      if (rotated != null) {
        withToken = rotated;
      }
      chosen = null;
    }
  }

  public void retire() {
    if (chosen != null) {
      Long id = chosen.id();
      String retired = chosen.name();
      if (act(
              null,
              () -> {
                registry.retire(me.caller(), id);
                return Boolean.TRUE;
              })
          != null) {
        Messages.info(null, retired + " is retired: its token no longer works.");
      }
      chosen = null;
    }
  }

  /** The token shown once is forgotten when the dialog is closed. */
  public void forgetToken() {
    withToken = null;
  }

  private <T> T act(String field, Supplier<T> action) {
    try {
      T done = action.get();
      kiosks = registry.list(me.caller(), me.getSiteId());
      return done;
    } catch (DomainException e) {
      Messages.error(field, e.getMessage());
      return null;
    }
  }

  /** A moment in the site's time zone. */
  public String when(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZoneId zone =
        me.getSites().stream()
            .filter(s -> s.id().equals(me.getSiteId()))
            .map(SiteView::timeZone)
            .map(ZoneId::of)
            .findFirst()
            .orElse(ZoneId.of("UTC"));
    return WHEN.format(instant.atZone(zone));
  }

  public boolean isRefusing(KioskView kiosk) {
    return kiosk.blockedUntil() != null;
  }

  public List<KioskView> getKiosks() {
    return kiosks;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public KioskView getWithToken() {
    return withToken;
  }

  public KioskView getChosen() {
    return chosen;
  }
}
