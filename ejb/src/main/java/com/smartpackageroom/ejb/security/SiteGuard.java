package com.smartpackageroom.ejb.security;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;

/** The one place where a call is scoped to the caller's sites and role. */
@ApplicationScoped
public class SiteGuard {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  /**
   * The site, when the caller may do {@code what} there.
   *
   * @throws DomainException not-found for an unknown site, forbidden for another site's data or a
   *     role that may not
   */
  public Site site(Caller caller, Long siteId, Permission what) {
    Site site = siteId == null ? null : em.find(Site.class, siteId);
    if (site == null) {
      throw DomainException.notFound("There is no site " + siteId);
    }
    check(caller, siteId, what);
    return site;
  }

  /** Checks that the caller may do {@code what} with a record of site {@code siteId}. */
  public void check(Caller caller, Long siteId, Permission what) {
    if (!caller.belongsTo(siteId)) {
      throw DomainException.forbidden("This belongs to a site you have no access to");
    }
    require(caller, what);
  }

  /**
   * Checks that the caller may do {@code what} with a record of several sites (a staff member's,
   * say): at least one must be theirs. A record of no site passes.
   */
  public void checkAny(Caller caller, Collection<Long> siteIds, Permission what) {
    if (siteIds.isEmpty()) {
      return;
    }
    if (siteIds.stream().noneMatch(caller::belongsTo)) {
      throw DomainException.forbidden("This belongs to a site you have no access to");
    }
    require(caller, what);
  }

  public void require(Caller caller, Permission what) {
    if (!what.grantedTo(caller.role())) {
      throw DomainException.forbidden(
          "Your role ("
              + caller.role()
              + ") may not do this: "
              + what.name().toLowerCase().replace('_', ' '));
    }
  }
}
