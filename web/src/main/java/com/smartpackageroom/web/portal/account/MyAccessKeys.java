package com.smartpackageroom.web.portal.account;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.keys.KeyMaintenance;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Seed 001's "My Access Keys" with "Manage": Generate PIN, Generate QR Code, and each key's
 * deactivate, reactivate and delete, for the signed-in person at the chosen site. The same Access
 * Key Maintenance as the detail pages ({@link KeyMaintenance} and its page part), with my own keys.
 */
@Named
@ViewScoped
public class MyAccessKeys implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AccessKeyService keys;
  @Inject PortalUser me;

  private KeyMaintenance mine;

  /** Keys belong to a person at one of their own sites (an administrator may belong to none). */
  public boolean isAvailable() {
    return me.isMemberOfSite();
  }

  private KeyMaintenance mine() {
    if (mine == null) {
      mine =
          new KeyMaintenance(
              keys,
              me::caller,
              me.getSiteId(),
              HolderKind.STAFF,
              me.caller().accountId(),
              "keys:list");
    }
    return mine;
  }

  /** My keys' Access Key Maintenance, for the shared page part (access-key-maintenance.xhtml). */
  public KeyMaintenance getMaintenance() {
    return mine();
  }
}
