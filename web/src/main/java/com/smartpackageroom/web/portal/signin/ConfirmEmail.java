package com.smartpackageroom.web.portal.signin;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The page "Confirm Email" links to: a button confirms (a GET changes nothing). */
@Named
@ViewScoped
public class ConfirmEmail implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AccountService accounts;

  private String token;
  private String email;
  private String problem;
  private boolean confirmed;

  public void load() {
    try {
      var link = accounts.link(token);
      if (!"EMAIL_CONFIRMATION".equals(link.purpose())) {
        problem = "This link does not confirm an email address.";
      } else {
        email = link.email();
      }
    } catch (DomainException e) {
      problem = e.getMessage();
    }
  }

  public void confirm() {
    try {
      accounts.confirmEmail(token);
      confirmed = true;
    } catch (DomainException e) {
      problem = e.getMessage();
    }
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getEmail() {
    return email;
  }

  public String getProblem() {
    return problem;
  }

  public boolean isConfirmed() {
    return confirmed;
  }
}
