package com.smartpackageroom.web.portal.useradmin;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.ejb.mfa.MfaService;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.keys.KeyMaintenance;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A staff member's detail page ("Creating a PIN or QR Code for Staff"): their account, the
 * account's actions (Resend invitation, Disable and Enable, Unlock, and for administrators Reset
 * authenticator app; the same services as the API's) and Access Key Maintenance, key cards
 * included. Property managers and administrators only; another site's staff member is not found.
 */
@Named
@ViewScoped
public class StaffDetail implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AccountService accounts;
  @EJB AccessKeyService accessKeys;
  @EJB MfaService mfa;
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

  public void resendInvitation() {
    act(
        () -> accounts.resendInvitation(me.caller(), me.getSiteId(), id),
        "A new invitation was sent to " + person.email() + ".");
  }

  public void disable() {
    act(
        () -> accounts.setEnabled(me.caller(), me.getSiteId(), id, false),
        getName()
            + "'s account is disabled: they can no longer sign in, and their PINs and key cards"
            + " no longer open the room.");
  }

  public void enable() {
    act(
        () -> accounts.setEnabled(me.caller(), me.getSiteId(), id, true),
        getName() + "'s account is enabled again.");
  }

  /** The same as POST /api/v1/accounts/{id}/unlock, for this site's staff member only. */
  public void unlock() {
    act(
        () -> {
          accounts.staffMember(me.caller(), me.getSiteId(), id);
          mfa.unlock(me.caller(), id);
          return null;
        },
        getName() + "'s account is unlocked: they can sign in again.");
  }

  /** The same as DELETE /api/v1/accounts/{id}/authenticator (administrators only). */
  public void resetAuthenticator() {
    act(
        () -> {
          accounts.staffMember(me.caller(), me.getSiteId(), id);
          mfa.resetAuthenticator(me.caller(), id);
          return null;
        },
        getName()
            + "'s authenticator app is removed: they sign in with a code sent by email until they"
            + " set one up again in My Account.");
  }

  private void act(Supplier<StaffView> action, String done) {
    if (person == null) {
      return;
    }
    try {
      action.get();
      person = accounts.staffMember(me.caller(), me.getSiteId(), id);
      Messages.info(null, done);
    } catch (DomainException e) {
      Messages.error(null, e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".");
    }
  }

  public boolean isInvited() {
    return person != null && "INVITED".equals(person.status());
  }

  public boolean isDisabled() {
    return person != null && "DISABLED".equals(person.status());
  }

  /** Administrators reset authenticator apps; nobody resets their own here (My Account does). */
  public boolean isMayResetAuthenticator() {
    return person != null
        && person.authenticatorApp()
        && me.caller().isAdministrator()
        && !me.caller().is(id);
  }

  public boolean isMine() {
    return person != null && me.caller().is(id);
  }

  public String getRoleName() {
    return person == null ? "" : StaffList.roleName(person.role());
  }

  public String getStatusName() {
    return person == null ? "" : StaffList.statusName(person);
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
