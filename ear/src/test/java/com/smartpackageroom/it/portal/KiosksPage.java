package com.smartpackageroom.it.portal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Kiosks: fields found by their labels, buttons by their names, as a screen reader finds them. */
public final class KiosksPage {

  private final Browser browser;

  public KiosksPage(Browser browser) {
    this.browser = browser;
  }

  /** The field a visible label names. */
  WebElement field(String label) {
    WebElement tag =
        browser.await(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[normalize-space(.)='" + label + "']")));
    return browser.visible(tag.getAttribute("for"));
  }

  /** A button by its accessible name (its aria-label, or its text). */
  void press(String name) {
    browser
        .await(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//button[@aria-label='"
                        + name
                        + "' or (not(@aria-label) and normalize-space(.)='"
                        + name
                        + "')]")))
        .click();
  }

  /** Registers a kiosk; answers the token shown once. */
  public String register(String name) {
    WebElement field = field("Kiosk name");
    field.clear();
    field.sendKeys(name);
    press("Register Kiosk");
    return shownToken();
  }

  public String shownToken() {
    browser.await(
        d -> {
          String value = field("Kiosk token").getAttribute("value");
          return value != null && value.startsWith("kiosk_") ? value : null;
        });
    String token = field("Kiosk token").getAttribute("value");
    press("Done");
    browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("tokenForm:token")));
    return token;
  }

  /**
   * The cells of a kiosk's row, by column: name, failures in 24 h, in a row, refuses until, last.
   */
  public List<String> row(String kiosk) {
    return browser
        .await(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[td[normalize-space(.)='" + kiosk + "']]")))
        .findElements(By.tagName("td"))
        .stream()
        .map(td -> td.getText().strip())
        .toList();
  }

  public void clearThrottle(String kiosk) {
    press("Clear throttle of " + kiosk);
    browser.awaitText("The failures of " + kiosk + " are cleared");
  }

  public String rotateToken(String kiosk) {
    press("Rotate token of " + kiosk);
    press("Rotate Token");
    return shownToken();
  }

  public void retire(String kiosk) {
    press("Retire " + kiosk);
    browser.awaitText("cannot be undone");
    press("Retire");
    browser.awaitText(kiosk + " is retired");
  }
}
