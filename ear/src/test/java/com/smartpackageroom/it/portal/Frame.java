package com.smartpackageroom.it.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The frame of every portal page: Menu, the Shield, My Account with my name, Sign Out. My Account
 * is found as a screen reader finds it: the button whose accessible name says "My Account", then
 * the menu item with my name (seed 001: "click the My Account icon in the upper-right, then select
 * your name").
 */
public final class Frame {

  private final Browser browser;

  public Frame(Browser browser) {
    this.browser = browser;
  }

  /** The button whose accessible name (its aria-label, or its text) contains "My Account". */
  public WebElement myAccountButton() {
    return browser.await(
        ExpectedConditions.elementToBeClickable(
            By.xpath(
                "//button[contains(@aria-label,'My Account')"
                    + " or (not(@aria-label) and contains(normalize-space(.),'My Account'))]")));
  }

  /** The name the My Account button shows. */
  public String myName() {
    return myAccountButton().getText().strip();
  }

  /** A menu item of the open My Account menu by its name. */
  private WebElement menuItem(String name) {
    return browser.await(
        ExpectedConditions.elementToBeClickable(
            By.xpath(
                "//*[@role='menuitem' and (@aria-label="
                    + Forms.literal(name)
                    + " or (not(@aria-label) and normalize-space(.)="
                    + Forms.literal(name)
                    + "))]")));
  }

  /** My Account, then the item with my name: the My Account page. */
  public void openMyAccountAs(String myName) {
    myAccountButton().click();
    menuItem(myName).click();
    browser.await(d -> d.getCurrentUrl().contains("/account/") ? true : null);
  }

  /** The Shield's PIN (seed 001's note). */
  public String shieldPin() {
    browser.click("frame:shield");
    return browser.visible("frame:shieldPin").getText().strip();
  }

  /** My Account, then the item with the name the button shows. */
  public void openMyAccount() {
    openMyAccountAs(myName());
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
    myAccountButton().click();
    menuItem("Sign Out").click();
    browser.await(d -> d.getCurrentUrl().contains("/signin/") ? true : null);
  }
}
