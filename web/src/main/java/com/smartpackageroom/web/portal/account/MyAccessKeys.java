package com.smartpackageroom.web.portal.account;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 001's "My Access Keys" with "Manage": Generate PIN, Generate QR Code, and each key's
 * deactivate, reactivate and delete. A key's value shows where it was just made or is looked up on
 * purpose ("Show"), as the API does; each look-up is audited.
 */
@Named
@ViewScoped
public class MyAccessKeys implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int QR_SIZE = 200;

  @EJB AccessKeyService keys;
  @Inject PortalUser me;

  private List<AccessKeyView> list;
  private final Map<Long, String> shownPins = new HashMap<>();
  private final Map<Long, String> shownQrCodes = new HashMap<>();
  private AccessKeyView toDelete;

  /** Keys belong to a person at one of their own sites (an administrator may belong to none). */
  public boolean isAvailable() {
    return me.isMemberOfSite();
  }

  public List<AccessKeyView> getKeys() {
    if (list == null) {
      list =
          isAvailable()
              ? keys
                  .keysOf(me.caller(), me.getSiteId(), HolderKind.STAFF, me.caller().accountId())
                  .stream()
                  .filter(k -> !"DELETED".equals(k.status()))
                  .toList()
              : List.of();
    }
    return list;
  }

  /** "Generate PIN": shown in the list at once (seed 001). */
  public void generatePin() {
    generate(AccessKeyType.PIN);
  }

  /** "Generate QR Code": its image shows in the list. */
  public void generateQrCode() {
    generate(AccessKeyType.QR);
  }

  private void generate(AccessKeyType type) {
    try {
      AccessKeyView key =
          keys.create(
              me.caller(), me.getSiteId(), HolderKind.STAFF, me.caller().accountId(), type, null);
      if (type == AccessKeyType.PIN) {
        shownPins.put(key.id(), key.pin());
        Messages.info("keys:list", "Your new PIN is " + key.pin() + ".");
      } else {
        shownQrCodes.put(key.id(), qrDataUri(key.id()));
        Messages.info("keys:list", "Your new QR code is shown below.");
      }
    } catch (DomainException e) {
      Messages.error("keys:list", e.getMessage());
    }
    list = null;
  }

  public void show(AccessKeyView key) {
    try {
      if ("QR".equals(key.type())) {
        shownQrCodes.put(key.id(), qrDataUri(key.id()));
      } else {
        shownPins.put(key.id(), keys.lookUp(me.caller(), key.id()).pin());
      }
    } catch (DomainException e) {
      Messages.error("keys:list", e.getMessage());
    }
  }

  public void deactivate(AccessKeyView key) {
    act(() -> keys.deactivate(me.caller(), key.id()), "The key is deactivated.");
  }

  public void reactivate(AccessKeyView key) {
    act(() -> keys.reactivate(me.caller(), key.id()), "The key is active again.");
  }

  public void askDelete(AccessKeyView key) {
    toDelete = key;
  }

  public void delete() {
    if (toDelete != null) {
      Long id = toDelete.id();
      act(() -> keys.delete(me.caller(), id), "The key is deleted.");
      shownPins.remove(id);
      shownQrCodes.remove(id);
      toDelete = null;
    }
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Messages.info("keys:list", done);
    } catch (DomainException e) {
      Messages.error("keys:list", e.getMessage());
    }
    list = null;
  }

  private String qrDataUri(Long keyId) {
    return "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(keys.qrPng(me.caller(), keyId, QR_SIZE));
  }

  public String pinOf(AccessKeyView key) {
    return shownPins.get(key.id());
  }

  public String qrOf(AccessKeyView key) {
    return shownQrCodes.get(key.id());
  }

  public boolean isActive(AccessKeyView key) {
    return "ACTIVE".equals(key.status());
  }

  public String typeLabel(AccessKeyView key) {
    return switch (key.type()) {
      case "PIN" -> "PIN";
      case "QR" -> "QR Code";
      default -> "Key Card";
    };
  }

  public AccessKeyView getToDelete() {
    return toDelete;
  }
}
