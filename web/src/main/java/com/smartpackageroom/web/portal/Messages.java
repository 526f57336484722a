package com.smartpackageroom.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages beside a field (its client id) or at the top of the page (null). */
public final class Messages {

  private Messages() {}

  public static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
  }

  public static void info(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
  }

  /** A message that survives the redirect that follows. */
  public static void infoAfterRedirect(String text) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.getExternalContext().getFlash().setKeepMessages(true);
    info(null, text);
  }

  public static void errorAfterRedirect(String text) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.getExternalContext().getFlash().setKeepMessages(true);
    error(null, text);
  }
}
