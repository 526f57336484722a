package com.smartpackageroom.web.portal.account;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.keys.KeyMaintenance;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Seed 001's "My Access Keys" with "Manage": Generate PIN, Generate QR Code, and each key's
 * deactivate, reactivate and delete, for the signed-in person at the chosen site. The same Access
 * Key Maintenance as the detail pages ({@link KeyMaintenance}), with my own keys.
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

  public List<AccessKeyView> getKeys() {
    return isAvailable() ? mine().getKeys() : List.of();
  }

  /** "Generate PIN": shown in the list at once (seed 001). */
  public void generatePin() {
    mine().generatePin();
  }

  /** "Generate QR Code": its image shows in the list. */
  public void generateQrCode() {
    mine().generateQrCode();
  }

  public void show(AccessKeyView key) {
    mine().show(key);
  }

  public void deactivate(AccessKeyView key) {
    mine().deactivate(key);
  }

  public void reactivate(AccessKeyView key) {
    mine().reactivate(key);
  }

  public void askDelete(AccessKeyView key) {
    mine().choose(key);
  }

  public void delete() {
    mine().delete();
  }

  public String pinOf(AccessKeyView key) {
    return mine().pinOf(key);
  }

  public String qrOf(AccessKeyView key) {
    return mine().qrOf(key);
  }

  public boolean isActive(AccessKeyView key) {
    return mine().isActive(key);
  }

  public String typeLabel(AccessKeyView key) {
    return mine().typeLabel(key);
  }

  public AccessKeyView getToDelete() {
    return mine().getChosen();
  }
}
