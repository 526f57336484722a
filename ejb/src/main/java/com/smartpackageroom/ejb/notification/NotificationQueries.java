package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.contact.PhoneNumbers;
import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.notification.NotificationStatus;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.platform.Fields;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The outbox of a site as staff see it, newest first. */
@Stateless
public class NotificationQueries {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  /**
   * The address a list is filtered by, trimmed, null for none; checked as typed text is (a NUL,
   * which PostgreSQL refuses in a string, is 400 naming to, not a 500). The portal asks it before
   * searching, to say so beside its field.
   */
  public static String addressFilter(String to) {
    return Fields.optional("to", to, 320);
  }

  public Page<NotificationView> list(Caller caller, Long siteId, String to, PageRequest page) {
    return list(caller, siteId, to, null, page);
  }

  /**
   * The site's messages, newest first, to the address {@code to} (an email address, or a phone
   * number as the site's people type it) and of the {@code status} (PENDING, SENT or FAILED) when
   * given.
   */
  public Page<NotificationView> list(
      Caller caller, Long siteId, String to, String status, PageRequest page) {
    var site = guard.site(caller, siteId, Permission.VIEW_NOTIFICATIONS);
    NotificationStatus wanted = status(status);
    to = addressFilter(to);
    boolean filtered = to != null;
    // a role does not see the messages of what it may not manage: invitations (the addresses of
    // new staff) and kiosk alerts (the managers') are not the front desk's
    List<NotificationKind> hidden = new ArrayList<>();
    if (!Permission.MANAGE_STAFF.grantedTo(caller.role())) {
      hidden.add(NotificationKind.INVITATION);
    }
    if (!Permission.MANAGE_KIOSKS.grantedTo(caller.role())) {
      hidden.add(NotificationKind.KIOSK_ALERT);
    }
    String where =
        "n.siteId = :site"
            + (filtered ? " AND n.address = :to" : "")
            + (wanted != null ? " AND n.status = :status" : "")
            + (hidden.isEmpty() ? "" : " AND n.kind NOT IN :hidden");
    var count = em.createQuery("SELECT COUNT(n) FROM Notification n WHERE " + where, Long.class);
    var select =
        em.createQuery(
            "SELECT n FROM Notification n WHERE " + where + " ORDER BY n.id DESC",
            Notification.class);
    count.setParameter("site", siteId);
    select.setParameter("site", siteId);
    if (!hidden.isEmpty()) {
      count.setParameter("hidden", hidden);
      select.setParameter("hidden", hidden);
    }
    if (wanted != null) {
      count.setParameter("status", wanted);
      select.setParameter("status", wanted);
    }
    if (filtered) {
      String address = to.trim();
      address =
          address.contains("@")
              ? address.toLowerCase(Locale.ROOT)
              : PhoneNumbers.parse(address, site.getCountry()).orElse(address);
      count.setParameter("to", address);
      select.setParameter("to", address);
    }
    var items =
        select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
            .map(NotificationView::of)
            .toList();
    return new Page<>(items, count.getSingleResult(), page.page(), page.size());
  }

  private static NotificationStatus status(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return NotificationStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("status must be one of PENDING, SENT, FAILED");
    }
  }
}
