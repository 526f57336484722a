package com.smartpackageroom.it.portal;

import org.openqa.selenium.By;

/** Seed 001's My Account: My Access Keys > Manage > Generate PIN / Generate QR Code. */
public final class MyAccountPage {

  private final Browser browser;

  public MyAccountPage(Browser browser) {
    this.browser = browser;
  }

  public String generatePin() {
    manage("keys:generatePin");
    return browser.await(
        d ->
            d.findElements(By.cssSelector("[id='keys:list'] .spr-pin")).stream()
                .map(e -> e.getText().strip())
                .filter(t -> t.matches("[0-9]{6}"))
                .findFirst()
                .orElse(null));
  }

  public void generateQrCode() {
    manage("keys:generateQrCode");
    browser.await(
        d -> d.findElements(By.cssSelector("[id='keys:list'] img")).isEmpty() ? null : true);
  }

  private void manage(String itemId) {
    browser.click("keys:manage_button");
    browser.click(itemId);
  }

  public int activeMarks() {
    return browser.driver().findElements(By.cssSelector("[id='keys:list'] .spr-active")).size();
  }
}
