package com.smartpackageroom.web.portal.keys;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.web.portal.Messages;
import java.io.Serializable;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Access Key Maintenance (seed 003) of one holder, for the page that shows them: Generate PIN,
 * Generate QR Code, customise a PIN, and each key's deactivate, reactivate and delete. A key's
 * value shows where it was just made or looked up on purpose ("Show"); each look-up is audited by
 * the service, which every action calls as the management API does.
 */
public class KeyMaintenance implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int QR_SIZE = 200;

  /** What the portal says of a chosen PIN it refuses, as "Customizing a Courier or Staff PIN". */
  static final String NOT_AVAILABLE = "This PIN is not available. Choose another 6-digit PIN.";

  /** Who acts, asked anew for each action (the session's caller); kept with the view. */
  public interface CallerSource extends Supplier<Caller>, Serializable {}

  private final AccessKeyService keys;
  private final CallerSource caller;
  private final Long siteId;
  private final HolderKind kind;
  private final Long holderId;
  private final String messagesFor;

  private List<AccessKeyView> list;
  private final Map<Long, String> shownPins = new HashMap<>();
  private final Map<Long, String> shownQrCodes = new HashMap<>();
  private AccessKeyView chosen;
  private String newPin;

  /**
   * @param caller who acts
   * @param messagesFor the client id beside which messages of the key list show
   */
  public KeyMaintenance(
      AccessKeyService keys,
      CallerSource caller,
      Long siteId,
      HolderKind kind,
      Long holderId,
      String messagesFor) {
    this.keys = keys;
    this.caller = caller;
    this.siteId = siteId;
    this.kind = kind;
    this.holderId = holderId;
    this.messagesFor = messagesFor;
  }

  /** The holder's keys that still exist (deleted ones are gone for good). */
  public List<AccessKeyView> getKeys() {
    if (list == null) {
      list =
          keys.keysOf(caller.get(), siteId, kind, holderId).stream()
              .filter(k -> !"DELETED".equals(k.status()))
              .toList();
    }
    return list;
  }

  public void generatePin() {
    generate(AccessKeyType.PIN);
  }

  public void generateQrCode() {
    generate(AccessKeyType.QR);
  }

  private void generate(AccessKeyType type) {
    try {
      AccessKeyView key = keys.create(caller.get(), siteId, kind, holderId, type, null);
      if (type == AccessKeyType.PIN) {
        shownPins.put(key.id(), key.pin());
        Messages.info(messagesFor, "The new PIN is " + key.pin() + ".");
      } else {
        shownQrCodes.put(key.id(), qrDataUri(key.id()));
        Messages.info(messagesFor, "The new QR code is shown below.");
      }
    } catch (DomainException e) {
      Messages.error(messagesFor, e.getMessage());
    }
    list = null;
  }

  /** Looks a key's value up (audited): a PIN's digits, a QR code's image. */
  public void show(AccessKeyView key) {
    try {
      if ("QR".equals(key.type())) {
        shownQrCodes.put(key.id(), qrDataUri(key.id()));
      } else {
        shownPins.put(key.id(), keys.lookUp(caller.get(), key.id()).pin());
      }
    } catch (DomainException e) {
      Messages.error(messagesFor, e.getMessage());
    }
  }

  public void deactivate(AccessKeyView key) {
    act(() -> keys.deactivate(caller.get(), key.id()), "The key is deactivated.");
  }

  public void reactivate(AccessKeyView key) {
    act(() -> keys.reactivate(caller.get(), key.id()), "The key is active again.");
  }

  /** The key a dialog is about (delete, customise). */
  public void choose(AccessKeyView key) {
    chosen = key;
    newPin = null;
  }

  public void delete() {
    if (chosen != null) {
      Long id = chosen.id();
      act(() -> keys.delete(caller.get(), id), "The key is deleted.");
      shownPins.remove(id);
      shownQrCodes.remove(id);
      chosen = null;
    }
  }

  /**
   * "Customizing a Courier or Staff PIN": the chosen key gets the typed PIN; a duplicate, deleted
   * or weak value is refused beside the field. Whether it was changed.
   */
  public boolean customize(String fieldId) {
    if (chosen == null) {
      return false;
    }
    try {
      AccessKeyView changed = keys.customize(caller.get(), chosen.id(), newPin);
      shownPins.put(changed.id(), changed.pin());
      Messages.info(messagesFor, "The PIN is now " + changed.pin() + ".");
      chosen = null;
      newPin = null;
      list = null;
      return true;
    } catch (DomainException e) {
      Messages.error(fieldId, refusal(e));
      // keeps the dialog open with the message beside the field
      jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
      return false;
    }
  }

  private static String refusal(DomainException e) {
    return switch (e.code()) {
      case "pin-unavailable", "weak-pin" -> NOT_AVAILABLE;
      default -> e.getMessage();
    };
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Messages.info(messagesFor, done);
    } catch (DomainException e) {
      Messages.error(messagesFor, e.getMessage());
    }
    list = null;
  }

  private String qrDataUri(Long keyId) {
    return "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(keys.qrPng(caller.get(), keyId, QR_SIZE));
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

  /** Whether a key's PIN may be chosen: couriers' and staff's permanent PINs. */
  public boolean isCustomizable(AccessKeyView key) {
    return kind.mayCustomize() && "PIN".equals(key.type()) && !key.singleUse();
  }

  public String typeLabel(AccessKeyView key) {
    return switch (key.type()) {
      case "PIN" -> key.singleUse() ? "Single access PIN" : "PIN";
      case "QR" -> "QR Code";
      default -> "Key Card";
    };
  }

  public AccessKeyView getChosen() {
    return chosen;
  }

  public String getNewPin() {
    return newPin;
  }

  public void setNewPin(String newPin) {
    this.newPin = newPin;
  }
}
