package com.smartpackageroom.it.portal;

import org.openqa.selenium.By;

/**
 * "Verify your identity": the account's email (click: a code is sent), the code, "Validate Code".
 */
public final class VerifyIdentityDialog {

  private final Browser browser;

  VerifyIdentityDialog(Browser browser) {
    this.browser = browser;
  }

  public String email() {
    return browser.visible("verify:sendCode").getText();
  }

  public void sendCode() {
    browser.click("verify:sendCode");
    browser.visible("verify:code");
  }

  /** Clicks the email address again; what the dialog says then (sent, or too many). */
  public String resend() {
    var button = browser.visible("verify:sendCode");
    button.click();
    browser.await(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    return browser.await(
        d ->
            d.findElements(By.cssSelector("#verify .ui-message")).stream()
                .map(e -> e.getText())
                .filter(t -> !t.isBlank())
                .findFirst()
                .orElse(null));
  }

  /** Types the code into the field its label names (the emailed code's or the app's). */
  public void enter(String code) {
    Forms forms = new Forms(browser);
    boolean app =
        !browser
            .driver()
            .findElements(
                By.xpath("//label[normalize-space(.)='Code from your authenticator app']"))
            .isEmpty();
    forms.type("verify", app ? "Code from your authenticator app" : "Verification code", code);
  }

  /** Types the code and presses Enter in the code field (which should mean "Validate Code"). */
  public void enterAndPressEnter(String code) {
    enter(code);
    browser.visible("verify:code").sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  public void validate() {
    new Forms(browser).press("Validate Code");
  }

  /** The error beside the code after "Validate Code". */
  public String error() {
    return browser.await(
        d ->
            d.findElements(By.cssSelector("#verify .ui-message-error")).stream()
                .map(e -> e.getText())
                .filter(t -> !t.isBlank())
                .findFirst()
                .orElse(null));
  }

  /** Validates a code that is refused; the refusal's text, after the previous one is gone. */
  public String refusedCode(String code) {
    var button = browser.visible("verify:validateCode");
    enter(code);
    button.click();
    // the form is drawn anew with the answer
    browser.await(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    return error();
  }
}
