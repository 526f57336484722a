package com.smartpackageroom.it.portal;

import static com.smartpackageroom.it.Api.BOOTSTRAP;
import static com.smartpackageroom.it.portal.PortalAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.it.Api;
import com.smartpackageroom.it.ImportRows;
import com.smartpackageroom.it.portal.PortalAccounts.Person;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Imports in the portal: a resident file uploaded with its layout and mode, its progress bar up to
 * the counts, a skipped line with its reason and as CSV, a file refused as suspicious restarted
 * with Force, a file too large or of another layout refused beside the field, column mappings, past
 * imports; another site's import is not found; staff are sent away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportsPortalIT {

  private static final String YARDI_HEADER =
      "Property,Unit,Tenant Code,Status,First Name,Last Name,Email,Cell Phone,Home Phone,Move In,Move Out\r\n";

  @RegisterExtension static Browser browser = new Browser();

  static Mailbox mail;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Api.ear();
  }

  @ArquillianResource URL base;

  Api api;
  long site;
  OpsPages page;

  @BeforeAll
  static void startMail() {
    mail = new Mailbox();
  }

  @AfterAll
  static void stopMail() {
    mail.close();
  }

  @BeforeEach
  void setUp() {
    browser.base(base);
    browser.forget();
    api = new Api(base);
    site = api.newSite(false).id();
    page = new OpsPages(browser);
  }

  private static String line(int n, String status) {
    return String.format(
        "RIVERSIDE,%d,p%04d,%s,First%d,Last%d,res.%d@example.org,(212) 555-%04d,,01/01/2024,\r\n",
        100 + n, n, status, n, n, n, n);
  }

  private static String residents(int from, int to) {
    StringBuilder csv = new StringBuilder(YARDI_HEADER);
    for (int n = from; n <= to; n++) {
      csv.append(line(n, "Current"));
    }
    return csv.toString();
  }

  private Path file(String name, String content) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "portal-uploads"));
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toAbsolutePath();
  }

  private void signInAsManager() {
    Person morgan = new PortalAccounts(api).withPassword(site, "Morgan", "PROPERTY_MANAGER");
    SignInPage.signInFully(browser, mail, morgan.email(), PASSWORD);
  }

  private void upload(Path file, String layout, String mode) {
    page.fileInput("Resident file").sendKeys(file.toString());
    if (layout != null) {
      page.choose("Layout", layout);
    }
    if (mode != null) {
      browser.driver().findElement(By.xpath("//label[normalize-space(.)='" + mode + "']")).click();
    }
    page.named("Start Import").click();
  }

  private String awaitStatus(String status) {
    return browser.await(
        d -> {
          String shown = d.findElement(By.id("importStatus")).getText().strip();
          return shown.equals(status) ? shown : null;
        });
  }

  @Test
  void anUploadedFileRunsToItsCountsWithItsSkippedLineAsCsv() throws Exception {
    signInAsManager();
    new Frame(browser).menu("Imports");
    browser.await(d -> d.getCurrentUrl().contains("/imports/") ? true : null);
    Path csv =
        file(
            "residents-" + site + ".csv",
            YARDI_HEADER + line(1, "Current") + line(2, "Current") + line(3, "Away"));

    upload(csv, "Yardi Voyager", "Full");
    awaitStatus("Completed");
    browser.snapshot("imports-completed");
    assertEquals("3", browser.visible("countRead").getText());
    assertEquals("2", browser.visible("countInserted").getText());
    assertEquals("1", browser.visible("countSkipped").getText());
    assertEquals("0", browser.visible("countMovedOut").getText());
    assertTrue(browser.bodyText().contains("3 of 3 lines read"), browser.bodyText());

    // the skipped line with the import's own reason, as the API reports it
    long id = importIdShown();
    JsonObject done = api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json();
    String reason = done.getJsonArray("errors").getJsonObject(0).getString("reason");
    assertTrue(reason.contains("Away"), reason);
    String row =
        browser
            .visible("current")
            .findElement(By.xpath(".//tr[td[normalize-space(.)='4']]"))
            .getText();
    assertTrue(row.contains(reason), row);

    // the CSV link: the same content as GET /api/v1/imports/{id}/errors.csv
    String href = browser.visible("skippedCsv").getAttribute("href");
    HttpResponse<String> download = OpsPages.fetch(browser, base, href);
    assertEquals(200, download.statusCode(), download.body());
    assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String fromApi = api.get("/api/v1/imports/" + id + "/errors.csv", BOOTSTRAP).expect(200).body();
    assertEquals(fromApi, download.body());
    assertTrue(download.body().startsWith("line,reason"), download.body());

    // the history, newest first, each row opened
    api.postCsv(
            "/api/v1/sites/" + site + "/imports?layout=yardi&mode=incremental",
            BOOTSTRAP,
            residents(5, 5))
        .expect(202);
    browser.open("/imports/index.xhtml");
    String firstRow =
        browser.await(
            d -> {
              String text =
                  d.findElement(By.xpath("//div[@id='history:list']//tbody/tr[1]")).getText();
              return text.contains("Incremental") ? text : null;
            });
    assertFalse(firstRow.startsWith(id + " "), "newest first: " + firstRow);
    page.named("Open import " + id).click();
    awaitStatus("Completed");
    assertEquals("2", browser.visible("countInserted").getText());
  }

  /** The import's id, from the heading "Import 12: ...". */
  private long importIdShown() {
    String heading = browser.visible("current").findElement(By.tagName("h2")).getText().strip();
    return Long.parseLong(heading.replaceAll("^Import (\\d+):.*$", "$1"));
  }

  @Test
  void aSuspiciousFileIsRestartedWithForceAndBadFilesAreRefusedBesideTheField() throws Exception {
    importByApi(residents(1, 10));
    signInAsManager();
    browser.open("/imports/index.xhtml");

    // a file of another layout: the import's own reason beside the field
    upload(file("onesite-" + site + ".csv", "Unit,Name,Something\r\n1,2,3\r\n"), null, null);
    browser.awaitText("The file does not fit layout=");
    assertTrue(
        browser.visible("upload:fileMessage").getText().contains("The file does not fit"),
        "beside the field");

    // larger than spr.import.max-file-mb (2 MB in the tests)
    StringBuilder big = new StringBuilder(YARDI_HEADER);
    while (big.length() < 2_300_000) {
      big.append(line(big.length() % 9000, "Current"));
    }
    upload(file("big-" + site + ".csv", big.toString()), null, null);
    browser.awaitText("larger than the 2 MB an import accepts");
    assertTrue(browser.visible("upload:fileMessage").getText().contains("2 MB"));
    browser.snapshot("imports-too-large");

    // a full import that would move out half of the residents: refused, then forced
    upload(file("half-" + site + ".csv", residents(1, 5)), null, "Full");
    awaitStatus("Failed");
    browser.snapshot("imports-failed");
    assertTrue(browser.bodyText().contains("Why it stopped:"), browser.bodyText());
    browser
        .driver()
        .findElement(By.xpath("//form[@id='restartForm']//div[contains(@class,'ui-chkbox-box')]"))
        .click();
    page.named("Restart").click();
    awaitStatus("Completed");
    assertEquals("5", browser.visible("countMovedOut").getText());
  }

  private long importByApi(String csv) {
    long id =
        api.postCsv("/api/v1/sites/" + site + "/imports?layout=yardi&mode=full", BOOTSTRAP, csv)
            .expect(202)
            .json()
            .getJsonNumber("id")
            .longValue();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      String status =
          api.get("/api/v1/imports/" + id, BOOTSTRAP).expect(200).json().getString("status");
      if (status.equals("COMPLETED")) {
        return id;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("import " + id + " did not complete");
  }

  @Test
  void aColumnMappingIsCreatedEditedUsedAndDeleted() throws Exception {
    signInAsManager();
    browser.open("/imports/index.xhtml");
    page.named("New Mapping").click();
    browser.type(page.idOf("Mapping name"), "tenants");
    browser.type(page.idOf("Resident id column"), "Resident ID");
    page.named("Save Mapping").click();
    browser.awaitText("is required"); // the unit column, beside its field
    assertTrue(
        browser
            .driver()
            .findElement(By.xpath("//input[@id='mappingForm:column_unit']/following-sibling::*"))
            .getText()
            .contains("Unit column is required"));
    browser.type(page.idOf("Unit column"), "Apt");
    browser.type(page.idOf("First name column"), "First");
    browser.type(page.idOf("Last name column"), "Last");
    browser.type(page.idOf("Email column"), "Mail");
    page.named("Save Mapping").click();
    browser.awaitText("The column mapping tenants is created");
    page.named("Edit tenants").click();
    browser.type(page.idOf("Email column"), "E-mail");
    page.named("Save Mapping").click();
    browser.awaitText("The column mapping tenants is saved");
    assertTrue(browser.bodyText().contains("email: E-mail"), browser.bodyText());
    browser.snapshot("imports-mappings");

    upload(
        file(
            "tenants-" + site + ".csv",
            "Resident ID,Apt,First,Last,E-mail\r\nt1,101,Ana,Ames,ana.t1@example.org\r\n"),
        "tenants (column mapping)",
        "Incremental");
    awaitStatus("Completed");
    assertEquals("1", browser.visible("countInserted").getText());

    page.named("Delete tenants").click();
    page.named("Delete").click();
    browser.awaitText("The column mapping tenants is deleted");
    assertEquals(
        404, api.get("/api/v1/sites/" + site + "/import-mappings/tenants", BOOTSTRAP).status());
  }

  /**
   * An import uploaded while another import of the site runs (here one that another instance runs,
   * as the database says) waits for it, and the page says which, with a link to it; once that one
   * has ended the upload runs to its counts.
   */
  @Test
  void anUploadWaitsForTheImportOfItsSiteThatRunsAndSaysWhich() throws Exception {
    long other = ImportRows.runningElsewhere(site);
    try {
      signInAsManager();
      new Frame(browser).menu("Imports");
      browser.await(d -> d.getCurrentUrl().contains("/imports/") ? true : null);
      upload(file("waiting-" + site + ".csv", residents(1, 3)), "Yardi Voyager", "Full");
      awaitStatus("Starting");
      String waiting =
          browser.await(
              d -> {
                var shown = d.findElements(By.id("importWaitingFor"));
                return shown.isEmpty() ? null : shown.get(0).getText();
              });
      assertTrue(waiting.contains("Import " + other), waiting);
      assertTrue(waiting.contains("one import of a site runs at a time"), waiting);
      assertFalse(browser.bodyText().contains("Step"), "no step while it waits");
      browser.snapshot("imports-waiting");
      assertEquals(
          "Import " + other,
          browser.driver().findElement(By.linkText("Import " + other)).getText());
    } finally {
      ImportRows.endElsewhere(other);
    }
    awaitStatus("Completed");
    assertEquals("3", browser.visible("countInserted").getText());
    assertTrue(browser.driver().findElements(By.id("importWaitingFor")).isEmpty());
  }

  @Test
  void anotherSitesImportIsNotFoundAndStaffAreSentAway() throws Exception {
    long elsewhere = api.newSite(false).id();
    long theirs =
        api.postCsv(
                "/api/v1/sites/" + elsewhere + "/imports?layout=yardi&mode=full",
                BOOTSTRAP,
                YARDI_HEADER + line(1, "Away"))
            .expect(202)
            .json()
            .getJsonNumber("id")
            .longValue();
    signInAsManager();
    browser.open("/imports/index.xhtml?import=" + theirs);
    browser.awaitText("Import not found");
    assertFalse(browser.bodyText().contains("Skipped lines"));
    HttpResponse<String> csv =
        OpsPages.fetch(browser, base, "/downloads/imports/" + theirs + "/skipped-lines.csv");
    assertTrue(csv.statusCode() == 403 || csv.statusCode() == 404, csv.statusCode() + "");
    assertFalse(csv.body().contains("Away"), csv.body());

    browser.forget();
    Person sam = new PortalAccounts(api).withPassword(site, "Sam", "STAFF");
    SignInPage.signInFully(browser, mail, sam.email(), PASSWORD);
    browser.open("/imports/index.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    browser.awaitText("Imports are for property managers and administrators.");
    assertFalse(browser.bodyText().contains("Start Import"));
  }
}
