package com.smartpackageroom.ejb.audit;

import com.smartpackageroom.domain.audit.AuditEvent;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads a site's audit log, newest first. */
@Stateless
public class AuditQueries {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  public Page<AuditEventView> list(Caller caller, Long siteId, PageRequest page) {
    guard.site(caller, siteId, Permission.VIEW_AUDIT);
    long total =
        em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.siteId = :site", Long.class)
            .setParameter("site", siteId)
            .getSingleResult();
    var items =
        em
            .createQuery(
                "SELECT e FROM AuditEvent e WHERE e.siteId = :site ORDER BY e.id DESC",
                AuditEvent.class)
            .setParameter("site", siteId)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList()
            .stream()
            .map(AuditEventView::of)
            .toList();
    return new Page<>(items, total, page.page(), page.size());
  }
}
