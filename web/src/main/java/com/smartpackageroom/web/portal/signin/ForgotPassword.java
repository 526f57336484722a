package com.smartpackageroom.web.portal.signin;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.web.portal.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** "Forgot password?": the same answer whether or not the address has an account. */
@Named
@RequestScoped
public class ForgotPassword {

  static final String SENT =
      "If an account has this email address, a link to set a new password is on its way."
          + " It works once, for 1 hour.";

  @EJB AccountService accounts;

  private String email;
  private boolean sent;

  public void send() {
    try {
      accounts.requestPasswordReset(email);
    } catch (DomainException e) {
      // the answer must not tell anything about the address
    }
    sent = true;
    Messages.info(null, SENT);
  }

  public boolean isSent() {
    return sent;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
