package com.smartpackageroom.it.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Access Key Maintenance on a detail page (seed 003), found by labels and names. */
public final class AccessKeyMaintenancePage {

  private final Browser browser;

  public AccessKeyMaintenancePage(Browser browser) {
    this.browser = browser;
  }

  private WebElement named(String name) {
    return browser.await(
        ExpectedConditions.elementToBeClickable(
            By.xpath(
                "//*[(self::button or self::a or @role='menuitem') and (@aria-label='"
                    + name
                    + "' or (not(@aria-label) and normalize-space(.)='"
                    + name
                    + "'))]")));
  }

  public boolean offered() {
    return !browser
        .driver()
        .findElements(By.xpath("//button[normalize-space(.)='Access Key Maintenance']"))
        .isEmpty();
  }

  /** Access Key Maintenance (the shield), then Generate PIN; answers the PIN shown in the list. */
  public String generatePin() {
    named("Access Key Maintenance").click();
    named("Generate PIN").click();
    return browser
        .await(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table//span[contains(@class,'spr-pin')]")))
        .getText()
        .strip();
  }

  public boolean showsActiveCheckMark() {
    return !browser
        .driver()
        .findElements(By.xpath("//table//span[@aria-label='Active']"))
        .isEmpty();
  }

  /** Customize PIN, type it into "New PIN", Save PIN; answers the message beside the field. */
  public String customize(String pin) {
    if (!browser.driver().findElement(By.id("customizeDialog")).isDisplayed()) {
      named("Customize PIN").click();
    }
    WebElement label =
        browser.await(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[normalize-space(.)='New PIN']")));
    WebElement field = browser.visible(label.getAttribute("for"));
    field.clear();
    field.sendKeys(pin);
    WebElement before = browser.driver().findElement(By.id("customizeForm:newPinMessage"));
    named("Save PIN").click();
    // the answer re-renders the form: what was beside the field before is gone
    browser.await(ExpectedConditions.stalenessOf(before));
    return browser.await(
        d -> {
          String beside = d.findElement(By.id("customizeForm:newPinMessage")).getText().strip();
          boolean closed = !d.findElement(By.id("customizeDialog")).isDisplayed();
          return !beside.isEmpty() ? beside : closed ? "" : null;
        });
  }
}
