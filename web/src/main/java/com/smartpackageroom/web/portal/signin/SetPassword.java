package com.smartpackageroom.web.portal.signin;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.LinkView;
import com.smartpackageroom.web.portal.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The page an invitation or a password reset links to: the new password, twice. Opening the page
 * changes nothing (the link is used by the form's POST).
 */
@Named
@ViewScoped
public class SetPassword implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AccountService accounts;

  private String token;
  private LinkView link;
  private String problem;
  private String password;
  private String confirmation;

  /** On opening: whose link, or why it does not work. */
  public void load() {
    try {
      link = accounts.link(token);
      if ("EMAIL_CONFIRMATION".equals(link.purpose())) {
        link = null;
        problem = "This link confirms an email address; it does not set a password.";
      }
    } catch (DomainException e) {
      problem = e.getMessage();
    }
  }

  public String save() {
    if (password == null || !password.equals(confirmation)) {
      Messages.error("password:confirmation", "The two passwords are not the same");
      return null;
    }
    try {
      accounts.setPasswordByLink(token, password);
      Messages.infoAfterRedirect("Your password is set. Sign in with it.");
      return "/signin/index.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      if ("weak-password".equals(e.code())) {
        Messages.error("password:newPassword", e.getMessage());
      } else {
        Messages.error(null, e.getMessage());
      }
      return null;
    } finally {
      password = null;
      confirmation = null;
    }
  }

  public boolean isInvitation() {
    return link != null && "INVITATION".equals(link.purpose());
  }

  public LinkView getLink() {
    return link;
  }

  public String getProblem() {
    return problem;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
