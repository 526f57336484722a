package com.smartpackageroom.it.portal;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What the Imports, Audit log and Notifications pages' tests share: fields found by their label,
 * buttons and links by their accessible name, PrimeFaces menus chosen by their label, and a
 * download fetched with the browser's session cookie.
 */
final class OpsPages {

  private final Browser browser;

  OpsPages(Browser browser) {
    this.browser = browser;
  }

  /** The button or link a screen reader names so. */
  WebElement named(String name) {
    return browser.await(
        ExpectedConditions.elementToBeClickable(
            By.xpath(
                "//*[(self::button or self::a) and (@aria-label='"
                    + name
                    + "' or (not(@aria-label) and normalize-space(.)='"
                    + name
                    + "'))]")));
  }

  /** The id a visible label points at. */
  String idOf(String label) {
    return browser
        .await(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[normalize-space(.)='" + label + "']")))
        .getAttribute("for");
  }

  /** The file input of a label (the element it names, or the input inside it). */
  WebElement fileInput(String label) {
    String id = idOf(label);
    WebElement element = browser.driver().findElement(By.id(id));
    return "input".equals(element.getTagName())
        ? element
        : element.findElement(By.cssSelector("input[type=file]"));
  }

  /**
   * Chooses an option of a p:selectOneMenu by its label: opens it, clicks the option, until its
   * hidden select says so (a click during the panel's opening animation may be lost).
   */
  void choose(String label, String option) {
    String id = idOf(label);
    String menu = id.replaceAll("_(focus|label|input)$", "");
    By item =
        By.xpath(
            "//li[contains(@class,'ui-selectonemenu-item') and (@data-label='"
                + option
                + "' or normalize-space(.)='"
                + option
                + "')]");
    browser.await(
        d -> {
          if (new Select(d.findElement(By.id(menu + "_input")))
              .getFirstSelectedOption()
              .getText()
              .equals(option)) {
            return true;
          }
          WebElement shown =
              d.findElements(item).stream()
                  .filter(WebElement::isDisplayed)
                  .findFirst()
                  .orElse(null);
          try {
            if (shown == null) {
              d.findElement(By.id(menu)).click();
            } else {
              Thread.sleep(300); // the panel's animation
              shown.click();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            // covered or moving: tried again
          }
          return null;
        });
  }

  /** Fetches a link of the page as the signed-in browser would (its session cookie). */
  static HttpResponse<String> fetch(Browser browser, URL base, String href) throws Exception {
    Cookie session = browser.sessionCookie();
    URI uri = URI.create(base.toString()).resolve(href);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", session.getName() + "=" + session.getValue())
            .GET()
            .build();
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
