package com.smartpackageroom.web.portal.useradmin;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.keys.KeyMaintenance;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * A staff member's detail page ("Creating a PIN or QR Code for Staff"): their account and Access
 * Key Maintenance, key cards included. Property managers and administrators only; another site's
 * staff member is not found.
 */
@Named
@ViewScoped
public class StaffDetail implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AccountService accounts;
  @EJB AccessKeyService accessKeys;
  @Inject PortalUser me;

  private Long id;
  private StaffView person;
  private KeyMaintenance keys;

  public void load() {
    if (!me.isManager()) {
      person = null; // User Admin is for property managers and administrators
      return;
    }
    try {
      person = accounts.staffMember(me.caller(), me.getSiteId(), id);
      keys =
          new KeyMaintenance(
              accessKeys, me::caller, me.getSiteId(), HolderKind.STAFF, id, "keys:list");
    } catch (DomainException e) {
      person = null;
    }
  }

  public String getName() {
    return person == null ? "" : person.firstName() + " " + person.lastName();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public StaffView getPerson() {
    return person;
  }

  public KeyMaintenance getKeys() {
    return keys;
  }
}
