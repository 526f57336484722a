package com.smartpackageroom.ejb.courier;

import com.smartpackageroom.domain.courier.Courier;
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
import java.util.List;

/** Courier accounts of a site (User Admin > Couriers). */
@Stateless
public class CourierService {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Clock clock;

  public CourierView create(
      Caller caller, Long siteId, String name, String carrier, String email, String phone) {
    Site site = guard.site(caller, siteId, Permission.MANAGE_COURIERS);
    Courier courier =
        new Courier(
            siteId,
            Fields.required("name", name, 200),
            Fields.optional("carrier", carrier, 100),
            Fields.optionalEmail("email", email),
            Fields.optionalPhone("phone", phone, site.getCountry()),
            Times.now(clock));
    em.persist(courier);
    em.flush();
    return CourierView.of(courier);
  }

  public List<CourierView> list(Caller caller, Long siteId) {
    guard.site(caller, siteId, Permission.VIEW_COURIERS);
    return em
        .createQuery(
            "SELECT c FROM Courier c WHERE c.siteId = :site ORDER BY c.name, c.id", Courier.class)
        .setParameter("site", siteId)
        .getResultList()
        .stream()
        .map(CourierView::of)
        .toList();
  }

  public CourierView get(Caller caller, Long siteId, Long id) {
    guard.site(caller, siteId, Permission.VIEW_COURIERS);
    Courier courier = id == null ? null : em.find(Courier.class, id);
    if (courier == null) {
      throw DomainException.notFound("There is no courier " + id);
    }
    guard.check(caller, courier.getSiteId(), Permission.VIEW_COURIERS);
    if (!courier.getSiteId().equals(siteId)) {
      throw DomainException.notFound("There is no courier " + id + " at site " + siteId);
    }
    return CourierView.of(courier);
  }
}
