package com.smartpackageroom.it.portal;

import org.openqa.selenium.By;

/** Secure Sign-In (seed 004): Email, Password, "Secure Sign-In". */
public final class SignInPage {

  private final Browser browser;

  public SignInPage(Browser browser) {
    this.browser = browser;
  }

  public SignInPage open() {
    browser.open("/signin/");
    browser.visible("signIn:email");
    return this;
  }

  public VerifyIdentityDialog signIn(String email, String password) {
    submit(email, password);
    browser.visible("verify:sendCode");
    return new VerifyIdentityDialog(browser);
  }

  /** Signs in expecting a refusal; its message beside the password. */
  public String refused(String email, String password) {
    submit(email, password);
    return browser.await(
        d ->
            d.findElements(By.cssSelector("#signIn .ui-message-error")).stream()
                .map(e -> e.getText())
                .filter(t -> !t.isBlank())
                .findFirst()
                .orElse(null));
  }

  /** Fields by their labels and the button by its name, as a screen reader finds them. */
  private void submit(String email, String password) {
    Forms forms = new Forms(browser);
    forms.type("signIn", "Email address", email);
    forms.type("signIn", "Password", password);
    forms.press("Secure Sign-In");
  }

  /**
   * The Dashboard's status for a session cookie, redirects not followed: 200 while the session is
   * signed in, 302 (to Secure Sign-In) once it has ended.
   */
  public static int dashboardStatus(java.net.URL base, String sessionId) throws Exception {
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(base.toURI().resolve("dashboard/"))
            .header("Cookie", "JSESSIONID=" + sessionId)
            .GET()
            .build();
    return java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
        .build()
        .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Signs in with the emailed code and lands on the Dashboard. */
  public static void signInFully(Browser browser, Mailbox mail, String email, String password) {
    int codesBefore = mail.to(email, "verification code").size();
    VerifyIdentityDialog verify = new SignInPage(browser).open().signIn(email, password);
    verify.sendCode();
    verify.enter(mail.code(email, codesBefore + 1));
    verify.validate();
    browser.await(d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
  }
}
