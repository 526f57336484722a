package com.smartpackageroom.web.portal.account;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.AccountView;
import com.smartpackageroom.ejb.mfa.AuthenticatorSetUp;
import com.smartpackageroom.ejb.mfa.MfaService;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.security.PortalSession;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Base64;

/** Seed 001's My Account: name, email, "Confirm Email", the password, the authenticator app. */
@Named
@ViewScoped
public class MyAccount implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AccountService accounts;
  @EJB MfaService mfa;
  @Inject PortalUser me;

  private AccountView account;
  private String currentPassword;
  private String newPassword;
  private String confirmation;
  private AuthenticatorSetUp setUp;
  private String appCode;

  /** My role in the portal's words (Staff, Property Manager, Administrator). */
  public String getRoleName() {
    return com.smartpackageroom.web.portal.useradmin.StaffList.roleName(getAccount().role());
  }

  public AccountView getAccount() {
    if (account == null) {
      account = accounts.myAccount(me.caller());
    }
    return account;
  }

  /** "Confirm Email". */
  public void confirmEmail() {
    accounts.sendEmailConfirmation(me.caller());
    Messages.info(
        "account:confirmEmail",
        "A confirmation link was sent to " + getAccount().email() + ". Open it to confirm.");
  }

  /** "Change Password". */
  public void changePassword() {
    if (newPassword == null || !newPassword.equals(confirmation)) {
      Messages.error("password:confirmation", "The two new passwords are not the same");
      return;
    }
    try {
      accounts.changePassword(me.caller(), currentPassword, newPassword);
      // this session goes on; the account's other sessions end at their next request
      PortalSession.renew(
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
          mfa.identity(me.caller().accountId()));
      Messages.info(
          "password:newPassword",
          "Your password is changed. Anywhere else you were signed in, sign in again.");
    } catch (DomainException e) {
      Messages.error(
          "wrong-password".equals(e.code()) ? "password:current" : "password:newPassword",
          e.getMessage());
    } finally {
      currentPassword = null;
      newPassword = null;
      confirmation = null;
    }
  }

  /** "Set Up Authenticator App": the QR code to scan. */
  public void startAuthenticator() {
    setUp = mfa.startAuthenticator(me.caller());
    account = null;
  }

  public void confirmAuthenticator() {
    try {
      mfa.confirmAuthenticator(me.caller(), appCode);
      setUp = null;
      account = null;
      Messages.info("app:appCode", "The authenticator app is set up: sign-in offers it now.");
    } catch (DomainException e) {
      Messages.error("app:appCode", e.getMessage());
    } finally {
      appCode = null;
    }
  }

  public void removeAuthenticator() {
    mfa.resetAuthenticator(me.caller(), me.caller().accountId());
    account = null;
    setUp = null;
    Messages.info(null, "The authenticator app is removed: codes come by email.");
  }

  public String getQrDataUri() {
    return setUp == null
        ? null
        : "data:image/png;base64," + Base64.getEncoder().encodeToString(setUp.qrPng());
  }

  public AuthenticatorSetUp getSetUp() {
    return setUp;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public String getAppCode() {
    return appCode;
  }

  public void setAppCode(String appCode) {
    this.appCode = appCode;
  }
}
