package com.smartpackageroom.it.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs), one per test
 * class; a failing test leaves a screenshot under target/portal-screenshots/. Register it with
 * {@code @RegisterExtension static Browser browser = new Browser();}.
 */
public final class Browser implements TestWatcher, AfterAllCallback {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  private ChromeDriver driver;
  private String base;

  public WebDriver driver() {
    if (driver == null) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-extensions",
          "--no-first-run",
          "--window-size=1280,900");
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
              .build();
      driver = new ChromeDriver(service, options);
    }
    return driver;
  }

  /** The deployment's root, such as http://localhost:8080/. */
  public void base(java.net.URL deployed) {
    base = deployed.getProtocol() + "://" + deployed.getHost() + ":" + deployed.getPort() + "/";
  }

  public void open(String path) {
    driver().get(base + (path.startsWith("/") ? path.substring(1) : path));
  }

  public void openUrl(String url) {
    driver().get(url);
  }

  /** A new browser session: no cookies, as someone else on another computer. */
  public void forget() {
    if (driver != null) {
      driver.manage().deleteAllCookies();
    }
  }

  public Cookie sessionCookie() {
    return driver().manage().getCookieNamed("JSESSIONID");
  }

  /**
   * Waits until the condition holds; an element the page replaced while it was being read (a polled
   * region re-rendered) is read again at the next try.
   */
  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver(), PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  public WebElement visible(String id) {
    return await(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  public WebElement clickable(String id) {
    return await(ExpectedConditions.elementToBeClickable(By.id(id)));
  }

  public void type(String id, String text) {
    WebElement field = visible(id);
    field.clear();
    field.sendKeys(text);
  }

  public void click(String id) {
    clickable(id).click();
  }

  /** Waits until the page shows the text somewhere (a message, say). */
  public void awaitText(String text) {
    await(
        d -> {
          String body = d.findElement(By.tagName("body")).getText();
          return body.contains(text) ? body : null;
        });
  }

  public String bodyText() {
    return driver().findElement(By.tagName("body")).getText();
  }

  /** Keeps a picture of the page as it is (target/portal-screenshots/pages/), to look at. */
  public void snapshot(String name) {
    try {
      Path dir = Path.of("target", "portal-screenshots", "pages");
      Files.createDirectories(dir);
      Files.copy(
          ((ChromeDriver) driver()).getScreenshotAs(OutputType.FILE).toPath(),
          dir.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      System.err.println("No snapshot: " + e);
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver == null) {
      return;
    }
    try {
      Path dir = Path.of("target", "portal-screenshots");
      Files.createDirectories(dir);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(
          shot,
          dir.resolve(
              context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getRequiredTestMethod().getName()
                  + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      System.err.println("No screenshot: " + e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }
}
