package com.smartpackageroom.it.portal;

/** The frame of every portal page: Menu, the Shield, My Account with my name, Sign Out. */
public final class Frame {

  private final Browser browser;

  public Frame(Browser browser) {
    this.browser = browser;
  }

  public String myName() {
    return browser.visible("frame:myAccount_button").getText();
  }

  /** The Shield's PIN (seed 001's note). */
  public String shieldPin() {
    browser.click("frame:shield");
    return browser.visible("frame:shieldPin").getText().strip();
  }

  public void openMyAccount() {
    browser.click("frame:myAccount_button");
    browser.click("frame:myAccountItem");
    browser.await(d -> d.getCurrentUrl().contains("/account/") ? true : null);
  }

  public void menu(String... path) {
    browser.click("frame:menuButton");
    for (String item : path) {
      browser
          .await(
              org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                  org.openqa.selenium.By.xpath(
                      "//div[@id='frame:mainMenu']//span[normalize-space(.)='" + item + "']")))
          .click();
    }
  }

  public void signOut() {
    browser.click("frame:myAccount_button");
    browser.click("frame:signOut");
    browser.await(d -> d.getCurrentUrl().contains("/signin/") ? true : null);
  }
}
