package com.smartpackageroom.web.portal;

import com.smartpackageroom.domain.accesskey.AccessKeyStatus;
import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.mfa.MfaService;
import com.smartpackageroom.ejb.mfa.PortalIdentity;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.site.SiteService;
import com.smartpackageroom.ejb.site.SiteView;
import com.smartpackageroom.web.security.PortalSession;
import com.smartpackageroom.web.security.PortalSignIn;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/**
 * The signed-in person, for the frame: name, role, the site chosen in the site switcher, the
 * Shield's PIN, and "Sign Out".
 */
@Named("me")
@RequestScoped
public class PortalUser {

  @Inject ExternalContext external;
  @Inject PortalSignIn signIn;
  @EJB SiteService sites;
  @EJB AccessKeyService keys;
  @EJB MfaService mfa;

  private List<SiteView> mySites;
  private String shieldPin;
  private boolean shieldLooked;

  private HttpServletRequest request() {
    return (HttpServletRequest) external.getRequest();
  }

  public PortalIdentity getIdentity() {
    return PortalSession.identity(request());
  }

  public boolean isSignedIn() {
    return getIdentity() != null;
  }

  public Caller caller() {
    PortalIdentity identity = getIdentity();
    if (identity == null) {
      throw DomainException.forbidden("Sign in first");
    }
    return identity.caller();
  }

  public String getName() {
    PortalIdentity identity = getIdentity();
    return identity == null ? "" : identity.displayName();
  }

  public boolean isManager() {
    PortalIdentity identity = getIdentity();
    return identity != null && identity.role() != Role.STAFF;
  }

  /** An administrator of the whole installation (API tokens, sites, administrators). */
  public boolean isAdministrator() {
    PortalIdentity identity = getIdentity();
    return identity != null && identity.role() == Role.ADMINISTRATOR;
  }

  public Long getSiteId() {
    Long chosen = PortalSession.site(request());
    if (chosen == null && !getSites().isEmpty()) {
      chosen = getSites().get(0).id();
      PortalSession.chooseSite(request(), chosen);
    }
    return chosen;
  }

  public void setSiteId(Long siteId) {
    if (siteId != null && getSites().stream().anyMatch(s -> s.id().equals(siteId))) {
      PortalSession.chooseSite(request(), siteId);
    }
  }

  public String getSiteName() {
    Long id = getSiteId();
    return getSites().stream()
        .filter(s -> s.id().equals(id))
        .map(SiteView::name)
        .findFirst()
        .orElse("");
  }

  /** Whether I belong to the chosen site myself (and may hold keys there). */
  public boolean isMemberOfSite() {
    PortalIdentity identity = getIdentity();
    Long site = getSiteId();
    return identity != null && site != null && identity.siteIds().contains(site);
  }

  public List<SiteView> getSites() {
    if (mySites == null) {
      mySites = isSignedIn() ? sites.list(caller()) : List.of();
    }
    return mySites;
  }

  /** The site switcher's choice: the page shows the chosen site's records. */
  public void siteChanged() throws IOException {
    external.redirect(request().getRequestURI());
  }

  /** The Shield: my active PIN at this site (seed 001's note); looking it up is audited. */
  public String getShieldPin() {
    if (!shieldLooked) {
      shieldLooked = true;
      Long site = getSiteId();
      if (isMemberOfSite()) {
        shieldPin =
            keys.keysOf(caller(), site, HolderKind.STAFF, caller().accountId()).stream()
                .filter(
                    k ->
                        k.type().equals(AccessKeyType.PIN.name())
                            && k.status().equals(AccessKeyStatus.ACTIVE.name()))
                .findFirst()
                .map(k -> keys.lookUp(caller(), k.id()).pin())
                .orElse(null);
      }
    }
    return shieldPin;
  }

  public String signOut() {
    if (isSignedIn()) {
      mfa.signedOut(caller());
    }
    signIn.signOut();
    return "/signin/index.xhtml?faces-redirect=true&signedOut=true";
  }
}
