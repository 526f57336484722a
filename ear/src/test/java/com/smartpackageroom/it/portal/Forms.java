package com.smartpackageroom.it.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's forms as a screen reader finds them: a field by its visible label within a form, a
 * button by its accessible name, a choice of a select by its text, the message beside a field.
 */
public final class Forms {

  private final Browser browser;

  public Forms(Browser browser) {
    this.browser = browser;
  }

  private WebElement label(String form, String label) {
    return browser.await(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath(
                "//form[@id='" + form + "']//label[normalize-space(.)=" + literal(label) + "]")));
  }

  /** The field a visible label names, in the form. */
  public WebElement field(String form, String label) {
    return browser.visible(label(form, label).getAttribute("for"));
  }

  public void type(String form, String label, String text) {
    WebElement field = field(form, label);
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Chooses an option of a PrimeFaces select by its text (typed into its filter if it has one);
   * tries again when a click lands while the panel is still opening.
   */
  public void choose(String form, String label, String option) {
    String id = widgetId(form, label);
    for (int attempt = 0; attempt < 3; attempt++) {
      browser.click(id);
      browser.visible(id + "_panel");
      if (!browser.driver().findElements(By.id(id + "_filter")).isEmpty()) {
        WebElement filter = browser.visible(id + "_filter");
        filter.clear();
        filter.sendKeys(option);
      }
      pause(400); // the panel's opening animation
      browser
          .await(
              ExpectedConditions.elementToBeClickable(
                  By.xpath(
                      "//div[@id='"
                          + id
                          + "_panel']//li[@data-label='"
                          + option
                          + "' or normalize-space(.)='"
                          + option
                          + "']")))
          .click();
      try {
        new org.openqa.selenium.support.ui.WebDriverWait(
                browser.driver(), java.time.Duration.ofSeconds(5))
            // a choice that reloads the page (the site switcher) leaves stale elements behind
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(d -> option.equals(chosen(form, label)) ? true : null);
        pause(400); // the panel's closing animation
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        browser.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
      }
    }
    throw new AssertionError(option + " could not be chosen in " + label);
  }

  private String widgetId(String form, String label) {
    return label(form, label).getAttribute("for").replaceAll("_(focus|label|input)$", "");
  }

  /** An XPath string literal of the text, apostrophes and all. */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The chosen option's text of a PrimeFaces select. */
  public String chosen(String form, String label) {
    return browser.visible(widgetId(form, label) + "_label").getText().strip();
  }

  /** Ticks or clears a PrimeFaces checkbox. */
  public void check(String form, String label, boolean on) {
    WebElement box = browser.visible(widgetId(form, label));
    boolean checked = !box.findElements(By.cssSelector(".ui-chkbox-box.ui-state-active")).isEmpty();
    if (checked != on) {
      box.findElement(By.cssSelector(".ui-chkbox-box")).click();
    }
  }

  /** A button by its accessible name (its aria-label, or its text). */
  public void press(String name) {
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

  public boolean offers(String buttonName) {
    return browser
        .driver()
        .findElements(
            By.xpath(
                "//button[@aria-label='"
                    + buttonName
                    + "' or (not(@aria-label) and normalize-space(.)='"
                    + buttonName
                    + "')]"))
        .stream()
        .anyMatch(WebElement::isDisplayed);
  }

  /** Waits for the error message beside the field (in the field's box). */
  public String errorBeside(String form, String label) {
    String box =
        "//form[@id='"
            + form
            + "']//label[normalize-space(.)="
            + literal(label)
            + "]/ancestor::div[contains(@class,'spr-field')][1]"
            + "//*[contains(@class,'ui-message-error')]";
    return browser.await(
        d ->
            d.findElements(By.xpath(box)).stream()
                .map(WebElement::getText)
                .filter(t -> !t.isBlank())
                .findFirst()
                .orElse(null));
  }
}
