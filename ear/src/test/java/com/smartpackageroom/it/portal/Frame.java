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

  /** The site switcher (for people of several sites, administrators among them). */
  public void chooseSite(String name) {
    browser.click("frame:site");
    browser
        .await(
            org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                org.openqa.selenium.By.xpath(
                    "//div[@id='frame:site_panel']//li[@data-label='" + name + "']")))
        .click();
    browser.await(
        d ->
            d.findElement(org.openqa.selenium.By.id("frame:site_label")).getText().equals(name)
                ? true
                : null);
  }

  public void signOut() {
    browser.click("frame:myAccount_button");
    browser.click("frame:signOut");
    browser.await(d -> d.getCurrentUrl().contains("/signin/") ? true : null);
  }
}
