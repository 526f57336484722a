package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.contact.PhoneNumbers;
import com.smartpackageroom.domain.notification.Notification;
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
import java.util.Locale;

/** The outbox of a site as staff see it, newest first. */
@Stateless
public class NotificationQueries {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

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
    // checked as typed text is (a NUL, which PostgreSQL refuses in a string, is 400, not 500)
    to = Fields.optional("to", to, 320);
    boolean filtered = to != null;
    String where =
        "n.siteId = :site"
            + (filtered ? " AND n.address = :to" : "")
            + (wanted != null ? " AND n.status = :status" : "");
    var count = em.createQuery("SELECT COUNT(n) FROM Notification n WHERE " + where, Long.class);
    var select =
        em.createQuery(
            "SELECT n FROM Notification n WHERE " + where + " ORDER BY n.id DESC",
            Notification.class);
    count.setParameter("site", siteId);
    select.setParameter("site", siteId);
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
