package com.smartpackageroom.web.portal.signin;

import com.smartpackageroom.domain.mfa.VerificationCode;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.mfa.MfaService;
import com.smartpackageroom.ejb.mfa.PendingSignIn;
import com.smartpackageroom.ejb.mfa.PortalIdentity;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.security.PortalSignIn;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Seed 004: "Secure Sign-In" with email and password, then the "Verify your identity" dialog: the
 * account's email address, which sends a code when clicked, the code, and "Validate Code". An
 * authenticator app, where set up, is offered beside the email.
 */
@Named
@ViewScoped
public class SecureSignIn implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB MfaService mfa;
  @Inject PortalSignIn portalSignIn;

  private String email;
  private String password;
  private PendingSignIn pending;
  private boolean codeSent;
  private boolean authenticatorChosen;
  private String code;

  /** "Secure Sign-In". */
  public void signIn() {
    try {
      pending = mfa.checkPassword(email, password);
      codeSent = false;
      authenticatorChosen = false;
    } catch (DomainException e) {
      Messages.error("signIn:password", e.getMessage());
    } finally {
      password = null;
    }
  }

  /** The email address in "Verify your identity": a code goes there. */
  public void sendCode() {
    if (pending == null) {
      return;
    }
    try {
      mfa.sendCode(pending);
      codeSent = true;
      authenticatorChosen = false;
      // seed 004: "The code is valid for 10 minutes."
      Messages.info(
          "verify:code",
          "A verification code was sent to "
              + pending.email()
              + ". The code is valid for "
              + VerificationCode.VALIDITY.toMinutes()
              + " minutes.");
    } catch (DomainException e) {
      Messages.error("verify:code", e.getMessage());
    }
  }

  public void useAuthenticator() {
    authenticatorChosen = true;
    codeSent = false;
  }

  /** "Validate Code": on success the session opens and the Dashboard shows. */
  public String validateCode() {
    if (pending == null) {
      return null;
    }
    try {
      PortalIdentity identity =
          authenticatorChosen
              ? mfa.validateAuthenticatorCode(pending, code)
              : mfa.validateCode(pending, code);
      if (!portalSignIn.complete(identity)) {
        Messages.error("verify:code", "The sign-in could not be completed. Try again.");
        return null;
      }
      return "/dashboard/index.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error("verify:code", e.getMessage());
      if ("account-locked".equals(e.code()) || "password-changed".equals(e.code())) {
        pending = null;
        Messages.error("signIn:password", e.getMessage());
      }
      return null;
    } finally {
      code = null;
    }
  }

  /** Back to the email and password. */
  public void cancel() {
    pending = null;
    codeSent = false;
    authenticatorChosen = false;
  }

  public boolean isVerifying() {
    return pending != null;
  }

  public boolean isCodeEntry() {
    return pending != null && (codeSent || authenticatorChosen);
  }

  public boolean isAuthenticatorOffered() {
    return pending != null && pending.authenticatorApp();
  }

  public boolean isAuthenticatorChosen() {
    return authenticatorChosen;
  }

  public String getPendingEmail() {
    return pending == null ? null : pending.email();
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
