package com.smartpackageroom.it.portal;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Seed 002: Quick Actions > Send Single Access PIN > "Generate One-Time Access Key". */
public final class DashboardPage {

  private final Browser browser;

  public DashboardPage(Browser browser) {
    this.browser = browser;
  }

  public DashboardPage open() {
    browser.open("/dashboard/");
    browser.visible("quick:quickActions_button");
    return this;
  }

  public void openSendSingleAccessPin() {
    browser.click("quick:quickActions_button");
    browser.click("quick:sendSingleAccessPin");
    browser.visible("sapForm:recipient_input");
  }

  /**
   * Types into Select Recipient and picks the suggestion that shows {@code shownName}. Typed as the
   * dialog opens, the first keys may reach the field before its suggestions are wired up (or a
   * field the dialog's update then replaces): as a person would, the text is typed once more if no
   * suggestion has come within a few seconds, and then the suggestion has the usual patience.
   */
  public void selectRecipient(String typed, String shownName) {
    By suggestion =
        By.xpath(
            "//*[@id='sapForm:recipient_panel']//*[contains(@class,'ui-autocomplete-item')]"
                + "[contains(normalize-space(.), '"
                + shownName
                + "')]");
    browser.type("sapForm:recipient_input", typed);
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
          .ignoring(StaleElementReferenceException.class)
          .until(ExpectedConditions.elementToBeClickable(suggestion))
          .click();
      return;
    } catch (TimeoutException e) {
      browser.type("sapForm:recipient_input", typed);
    }
    browser.await(ExpectedConditions.elementToBeClickable(suggestion)).click();
  }

  public void showMoreOptions() {
    browser.click("sapForm:showMoreOptions");
    browser.visible("sapForm:via");
  }

  /** The expiry field's text (yyyy-MM-dd HH:mm in the site's time zone), once the options show. */
  public String expiry() {
    return browser.visible("sapForm:expiresAt_input").getAttribute("value");
  }

  /** Enter in the Select Recipient field: the dialog's main button, Generate. */
  public void pressEnterInRecipient() {
    browser.visible("sapForm:recipient_input").sendKeys(org.openqa.selenium.Keys.ENTER);
  }

  public void generate() {
    browser.click("sapForm:generate");
  }
}
