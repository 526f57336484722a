package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.mfa.VerificationCode;
import jakarta.enterprise.context.ApplicationScoped;

/** The short plain emails of portal accounts: verification codes and account links. */
@ApplicationScoped
public class AccountMessages {

  public Message verificationCode(String code) {
    return new Message(
        "Your Smart Package Room verification code: " + code,
        "Your verification code is "
            + code
            + "\n\nEnter it in the \"Verify your identity\" dialog and click Validate Code."
            + " It is valid for "
            + VerificationCode.VALIDITY.toMinutes()
            + " minutes and works once.\n"
            + "If you did not try to sign in, someone knows your password: change it.\n");
  }

  public Message passwordReset(String firstName, String link) {
    return new Message(
        "Reset your Smart Package Room password",
        "Hello "
            + firstName
            + ",\n\nSomeone (we hope you) asked to reset your portal password."
            + " Set a new one here (the link works once, for 1 hour):\n\n"
            + link
            + "\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n");
  }

  public Message emailConfirmation(String firstName, String link) {
    return new Message(
        "Confirm your email address",
        "Hello "
            + firstName
            + ",\n\nEmail from the Smart Package Room portal reaches you."
            + " Open this link to confirm your address (it works once, for 72 hours):\n\n"
            + link
            + "\n");
  }
}
