package com.smartpackageroom.it.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Seed 001's My Account: My Access Keys > Manage > Generate PIN / Generate QR Code; each key's
 * Deactivate, Reactivate and Delete (after the confirmation), found by their names.
 */
public final class MyAccountPage {

  private final Browser browser;

  public MyAccountPage(Browser browser) {
    this.browser = browser;
  }

  public String generatePin() {
    manage("Generate PIN");
    return browser.await(
        d ->
            d.findElements(By.cssSelector("[id='keys:list'] .spr-pin")).stream()
                .map(e -> e.getText().strip())
                .filter(t -> t.matches("[0-9]{6}"))
                .findFirst()
                .orElse(null));
  }

  public void generateQrCode() {
    manage("Generate QR Code");
    browser.await(
        d -> d.findElements(By.cssSelector("[id='keys:list'] img")).isEmpty() ? null : true);
  }

  /** Opens My Access Keys' "Manage" menu (found by its name in the section). */
  public void openManage() {
    browser
        .await(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//form[@id='keys']//button[normalize-space(.)='Manage']")))
        .click();
  }

  private void manage(String item) {
    openManage();
    browser
        .await(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@role='menuitem' and normalize-space(.)='" + item + "']")))
        .click();
  }

  public int activeMarks() {
    return browser.driver().findElements(By.cssSelector("[id='keys:list'] .spr-active")).size();
  }

  public int inactiveMarks() {
    return browser.driver().findElements(By.cssSelector("[id='keys:list'] .spr-inactive")).size();
  }

  public int keys() {
    return browser
        .driver()
        .findElements(By.cssSelector("[id='keys:list'] tbody tr:not(.ui-datatable-empty-message)"))
        .size();
  }

  /** A button of the key list by its name (the list has one key in these tests). */
  private void press(String name) {
    WebElement button =
        browser.await(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//form[@id='keys']//table//button[normalize-space(.)='" + name + "']")));
    button.click();
  }

  /** Deactivate, then waits for the x. */
  public void deactivate() {
    press("Deactivate");
    browser.await(d -> inactiveMarks() == 1 ? true : null);
  }

  /** Reactivate, then waits for the check mark. */
  public void reactivate() {
    press("Reactivate");
    browser.await(d -> activeMarks() == 1 ? true : null);
  }

  /** Delete: the confirmation's text (the dialog stays open until {@link #confirmDelete}). */
  public String askDelete() {
    press("Delete");
    return browser.visible("deleteDialog").getText();
  }

  /** The confirmation's own Delete; waits until the key is gone from the list. */
  public void confirmDelete() {
    browser
        .await(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@id='deleteDialog']//button[normalize-space(.)='Delete']")))
        .click();
    browser.await(d -> keys() == 0 ? true : null);
  }
}
