package com.smartpackageroom.web.portal.recipients;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.ejb.recipient.RecipientData;
import com.smartpackageroom.ejb.recipient.RecipientService;
import com.smartpackageroom.ejb.recipient.RecipientView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.keys.KeyMaintenance;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The Recipient Detail View (seed 002's Recipients path, "Looking Up a Recipient's PIN"): contact
 * details, status and source; the Shield with Send Single Access PIN and the PIN look-up (after
 * confirming who the recipient is; audited); the keys with Access Key Maintenance. Another site's
 * recipient is not found.
 */
@Named
@ViewScoped
public class RecipientDetail implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB RecipientService recipients;
  @EJB AccessKeyService accessKeys;
  @Inject PortalUser me;

  private Long id;
  private RecipientView recipient;
  private KeyMaintenance keys;
  private String lookedUpPin;
  private RecipientForm edited;

  public void load() {
    try {
      recipient = recipients.get(me.caller(), me.getSiteId(), id);
      keys = newKeys();
    } catch (DomainException e) {
      recipient = null; // another site's, or none: "not found" either way
    }
  }

  private KeyMaintenance newKeys() {
    return new KeyMaintenance(
        accessKeys, me::caller, me.getSiteId(), HolderKind.RECIPIENT, id, "keys:list");
  }

  /** Opens the look-up afresh: a PIN shown before is not shown again without a confirmation. */
  public void askLookUp() {
    lookedUpPin = null;
  }

  /**
   * "Look up PIN", once the staff member has confirmed that the recipient is who they say they are:
   * the recipient's active PIN (the look-up is audited by the service).
   */
  public void lookUpPin() {
    lookedUpPin = null;
    try {
      AccessKeyView active =
          accessKeys.keysOf(me.caller(), me.getSiteId(), HolderKind.RECIPIENT, id).stream()
              .filter(k -> "PIN".equals(k.type()) && "ACTIVE".equals(k.status()) && !k.singleUse())
              .findFirst()
              .orElse(null);
      if (active == null) {
        Messages.error(
            null, name() + " has no active PIN: generate one or send a single access PIN.");
        return;
      }
      lookedUpPin = accessKeys.lookUp(me.caller(), active.id()).pin();
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
  }

  /** Edit (a recipient added by hand): the form filled with the present details. */
  public void startEditing() {
    edited = recipient == null ? new RecipientForm() : RecipientForm.of(recipient);
  }

  /** Saves the changes, or keeps the dialog open with the refusal beside its field. */
  public void save() {
    if (recipient == null || edited == null) {
      return;
    }
    try {
      recipient = recipients.change(me.caller(), me.getSiteId(), id, edited.data());
      Messages.info(null, name() + "'s details are saved.");
    } catch (DomainException e) {
      RecipientForm.refused("editForm", e);
    }
  }

  /** Move Out: the recipient's keys stop working; the recipient leaves the search's list. */
  public void moveOut() {
    changeStatus("MOVED_OUT", " has moved out: their access keys are deactivated.");
  }

  /** Move In: a recipient who moved out lives here again (their keys stay deactivated). */
  public void moveIn() {
    changeStatus("ACTIVE", " lives here again. Reactivate or generate a PIN for them.");
  }

  private void changeStatus(String status, String done) {
    try {
      recipient =
          recipients.change(
              me.caller(),
              me.getSiteId(),
              id,
              new RecipientData(null, null, null, null, null, null, status));
      keys = newKeys(); // their keys were deactivated
      Messages.info(null, name() + done);
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
  }

  /** Erase, once confirmed: the recipient and their keys are gone for good. */
  public String erase() {
    try {
      String erased = name();
      recipients.erase(me.caller(), me.getSiteId(), id);
      Messages.infoAfterRedirect(erased + " was erased.");
      return "/recipients/index?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
      return null;
    }
  }

  public RecipientForm getEdited() {
    return edited;
  }

  private String name() {
    return recipient.firstName() + " " + recipient.lastName();
  }

  public boolean isImported() {
    return recipient != null && "IMPORT".equals(recipient.source());
  }

  public String getName() {
    return recipient == null ? "" : name();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public RecipientView getRecipient() {
    return recipient;
  }

  public KeyMaintenance getKeys() {
    return keys;
  }

  public String getLookedUpPin() {
    return lookedUpPin;
  }
}
