import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The portal's Recipients benchmark (perf/README.md): full portal requests of one signed-in staff
 * member, one after the other, as the browser sends them.
 *
 * <ul>
 *   <li>{@code setup BASE TOKEN OUT}: a site and a staff member through the management API; writes
 *       the site's id, the account's id and email, and a PBKDF2 hash of the password the shell
 *       script stores for the account (an invitation would otherwise wait for its email link).
 *   <li>{@code measure BASE OUT SMTP_PORT REQUESTS}: signs in through Secure Sign-In with the
 *       emailed verification code (an SMTP server of its own on 127.0.0.1:SMTP_PORT takes the
 *       server's email), then warms up and measures the Recipients page (GET), a search by name
 *       (the Faces AJAX postback of the Search icon), the next page (the data table's paging AJAX
 *       request) and the one-time PIN dialog's autocomplete (its AJAX query): p50, p95, p99 and the
 *       slowest of REQUESTS requests each, printed as RESULT lines.
 * </ul>
 *
 * <p>Run as a single source file: {@code java perf/PortalBench.java ...}.
 */
public class PortalBench {

  static final String PASSWORD = "benchmark lantern tide 42";

  /** The generated residents' name parts (the shell script's SQL uses the same lists). */
  static final String[] SYLLABLES_1 = {
    "Al", "Bar", "Cor", "Dan", "El", "Fer", "Gar", "Har", "Il", "Jor", "Kar", "Lin", "Mor", "Nor",
    "Ok", "Pal", "Quin", "Ros", "Sal", "Tor", "Ul", "Val", "Wes", "Xan", "Yor", "Zel", "Ash", "Bro",
    "Cal", "Dor"
  };

  static final String[] SYLLABLES_2 = {
    "son", "ley", "ton", "ford", "man", "ez", "ini", "ova", "ski", "berg", "wood", "ard", "ett",
    "ham", "well", "ez", "ara", "ich", "sen", "dottir", "ado", "ian", "uk", "field", "by", "o",
    "er", "ine", "stein", "ow"
  };

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "setup" -> setup(args[1], args[2], Path.of(args[3]));
      case "measure" ->
          measure(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "names" -> {
        // the SQL arrays of the shell script
        System.out.println(sqlArray(SYLLABLES_1) + " " + sqlArray(SYLLABLES_2));
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static String sqlArray(String[] values) {
    return "ARRAY['" + String.join("','", values) + "']";
  }

  // ---------------------------------------------------------------------------------- setup

  static void setup(String base, String token, Path out) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String site =
        field(
            post(
                http,
                base + "/api/v1/sites",
                token,
                "{\"name\":\"Benchmark Tower\",\"timeZone\":\"America/New_York\"}"),
            "id");
    String email = "bench.staff." + System.nanoTime() + "@example.org";
    String account =
        field(
            post(
                http,
                base + "/api/v1/sites/" + site + "/staff",
                token,
                "{\"email\":\""
                    + email
                    + "\",\"firstName\":\"Bench\",\"lastName\":\"Staff\",\"role\":\"STAFF\"}"),
            "id");
    Files.createDirectories(out);
    Files.writeString(out.resolve("site"), site);
    Files.writeString(out.resolve("account"), account);
    Files.writeString(out.resolve("email"), email);
    Files.writeString(out.resolve("password-hash"), pbkdf2(PASSWORD));
    System.out.println("site " + site + ", staff account " + account + " <" + email + ">");
  }

  static String post(HttpClient http, String url, String token, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  /** The account's password as the application stores it (Passwords: PBKDF2, 600 000 rounds). */
  static String pbkdf2(String password) throws Exception {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 600_000, 256))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    return "PBKDF2WithHmacSHA256:600000:"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(hash);
  }

  // ---------------------------------------------------------------------------------- portal

  /** One browser: its cookies, and the view state of the page it shows. */
  static final class Portal {
    final String base;
    final HttpClient http;
    String viewState;
    /** PrimeFaces' CSP nonce of the page: its AJAX requests carry it (primefaces.nonce). */
    String nonce;

    Portal(String base) {
      this.base = base;
      CookieManager cookies = new CookieManager();
      cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(cookies)
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    /** A full page; keeps its view state. */
    String get(String path) throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + path + ": " + r.statusCode() + " " + r.headers().firstValue("Location"));
      }
      viewState = viewStateOf(r.body());
      Matcher m = NONCE.matcher(r.body());
      nonce = m.find() ? m.group(1) : null;
      return r.body();
    }

    /**
     * A Faces AJAX postback as PrimeFaces sends it: the source, what is processed and rendered,
     * the form's fields and the view state. Answers the partial response.
     */
    String ajax(
        String path, String source, String execute, String render, Map<String, String> fields)
        throws Exception {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("jakarta.faces.partial.ajax", "true");
      form.put("jakarta.faces.source", source);
      form.put("jakarta.faces.partial.execute", execute);
      form.put("jakarta.faces.partial.render", render);
      form.putAll(fields);
      form.put("jakarta.faces.ViewState", viewState);
      if (nonce != null) {
        form.put("primefaces.nonce", nonce);
      }
      StringBuilder body = new StringBuilder();
      for (var e : form.entrySet()) {
        if (body.length() > 0) {
          body.append('&');
        }
        body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      }
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                  .header("Faces-Request", "partial/ajax")
                  .header("X-Requested-With", "XMLHttpRequest")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 || r.body().contains("<error>")) {
        throw fail("POST " + path + " (" + source + "): " + r.statusCode(), r.body());
      }
      String updated = viewStateOf(r.body());
      if (updated != null) {
        viewState = updated;
      }
      return r.body();
    }
  }

  static final Pattern NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");

  static final Pattern VIEW_STATE =
      Pattern.compile("jakarta\\.faces\\.ViewState[^>]*?value=\"([^\"]+)\"|"
          + "jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");

  static String viewStateOf(String html) {
    Matcher m = VIEW_STATE.matcher(html);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  static void signIn(Portal p, String email, Mailbox mail) throws Exception {
    p.get("/signin/index.xhtml");
    p.ajax(
        "/signin/index.xhtml",
        "signIn:secureSignIn",
        "signIn",
        "signIn verifyArea",
        Map.of(
            "signIn", "signIn",
            "signIn:secureSignIn", "signIn:secureSignIn",
            "signIn:email", email,
            "signIn:password", PASSWORD));
    p.ajax(
        "/signin/index.xhtml",
        "verify:sendCode",
        "verify:sendCode",
        "verify",
        Map.of("verify", "verify", "verify:sendCode", "verify:sendCode"));
    String code = mail.code(Duration.ofSeconds(60));
    String answer =
        p.ajax(
            "/signin/index.xhtml",
            "verify:validateCode",
            "verify",
            "verify signIn",
            Map.of(
                "verify", "verify",
                "verify:validateCode", "verify:validateCode",
                "verify:code", code));
    if (!answer.contains("<redirect")) {
      throw new IllegalStateException("the sign-in did not complete: " + answer);
    }
    String dashboard = p.get("/dashboard/index.xhtml");
    if (!dashboard.contains("Dashboard")) {
      throw new IllegalStateException("no Dashboard after signing in");
    }
  }

  // ---------------------------------------------------------------------------------- measure

  interface Request {
    void send(int i) throws Exception;
  }

  /** A page of its own for a kind of request (the server keeps a session's recent views only). */
  interface Page {
    void open() throws Exception;
  }

  static void measure(String base, Path out, int smtpPort, int requests) throws Exception {
    failures = out;
    String email = Files.readString(out.resolve("email")).strip();
    Mailbox mail = new Mailbox(smtpPort);
    Portal p = new Portal(base);
    signIn(p, email, mail);
    System.out.println("signed in as " + email + " with the emailed verification code");

    List<String> names = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // spread over the generated last names (syllable i*7 and i*11 of the lists)
      names.add(SYLLABLES_1[(i * 7) % 30] + SYLLABLES_2[(i * 11) % 30]);
    }

    // the Recipients page: a new view each time, the first page of the active recipients
    Request firstPage =
        i -> {
          String html = p.get("/recipients/index.xhtml");
          if (!html.contains("search:results")) {
            throw new IllegalStateException("no results table");
          }
        };
    // Search: the query typed, the Search icon's postback (processes the form, renders the table)
    Request search =
        i -> {
          String answer =
              p.ajax(
                  "/recipients/index.xhtml",
                  "search:searchButton",
                  "search",
                  "search:results",
                  Map.of(
                      "search", "search",
                      "search:searchButton", "search:searchButton",
                      "search:query", names.get(i % names.size())));
          if (!answer.contains(names.get(i % names.size()))) {
            throw fail("the search found nobody", answer);
          }
        };
    // the next page of the list (pages 2 to 11 in turn), as the paginator asks for it
    Request nextPage =
        i -> {
          int first = 25 * (1 + i % 10);
          String answer =
              p.ajax(
                  "/recipients/index.xhtml",
                  "search:results",
                  "search:results",
                  "search:results",
                  Map.of(
                      "search", "search",
                      "search:query", "",
                      "search:results_pagination", "true",
                      "search:results_first", Integer.toString(first),
                      "search:results_rows", "25",
                      "search:results_skipChildren", "true",
                      "search:results_encodeFeature", "true"));
          if (!answer.contains("View")) {
            throw fail("an empty page", answer);
          }
        };
    // the one-time PIN dialog's "Select Recipient" (Dashboard), 3 to 5 letters of a name
    Request autocomplete =
        i -> {
          String name = names.get(i % names.size()).toLowerCase();
          String typed = name.substring(0, Math.min(name.length(), 3 + i % 3));
          String answer =
              p.ajax(
                  "/dashboard/index.xhtml",
                  "sapForm:recipient",
                  "sapForm:recipient",
                  "sapForm:recipient",
                  Map.of(
                      "sapForm", "sapForm",
                      "sapForm:recipient_input", typed,
                      "sapForm:recipient_query", typed));
          if (!answer.contains("ui-autocomplete-item")) {
            throw fail("no suggestion for " + typed, answer);
          }
        };

    Map<String, Request> targets = new LinkedHashMap<>();
    targets.put("recipients-page", firstPage);
    targets.put("search", search);
    targets.put("next-page", nextPage);
    targets.put("autocomplete", autocomplete);
    Map<String, Page> pages = new LinkedHashMap<>();
    pages.put("recipients-page", () -> {});
    pages.put("search", () -> p.get("/recipients/index.xhtml"));
    pages.put("next-page", () -> p.get("/recipients/index.xhtml"));
    pages.put("autocomplete", () -> p.get("/dashboard/index.xhtml"));
    int warmUp = Integer.getInteger("warmup", 300);
    System.out.println("warm-up: " + warmUp + " requests of each");
    for (int round = 0; round < 2; round++) {
      for (var target : targets.entrySet()) {
        pages.get(target.getKey()).open();
        for (int i = 0; i < warmUp / 2; i++) {
          target.getValue().send(i);
        }
      }
    }
    for (var target : targets.entrySet()) {
      long[] nanos = new long[requests];
      pages.get(target.getKey()).open();
      for (int i = 0; i < requests; i++) {
        long start = System.nanoTime();
        target.getValue().send(i);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "RESULT portal %s requests=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
          target.getKey(),
          requests,
          percentile(nanos, 50),
          percentile(nanos, 95),
          percentile(nanos, 99),
          nanos[nanos.length - 1] / 1e6);
    }
    System.exit(0);
  }

  static Path failures = Path.of("perf/target/portal");

  /** Keeps the answer that was not as expected (failed-answer.txt) and stops. */
  static IllegalStateException fail(String what, String answer) {
    try {
      Files.writeString(failures.resolve("failed-answer.txt"), what + "\n" + answer);
    } catch (IOException e) {
      // the message says it anyway
    }
    return new IllegalStateException(
        what + " (the answer is in " + failures.resolve("failed-answer.txt") + ")");
  }

  static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  // ---------------------------------------------------------------------------------- mail

  /**
   * An SMTP server on 127.0.0.1 that keeps the subject of every message: the verification code's
   * email says "Your Smart Package Room verification code: 123456".
   */
  static final class Mailbox {
    final BlockingQueue<String> subjects = new LinkedBlockingQueue<>();

    Mailbox(int port) throws IOException {
      ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
      Thread accept =
          new Thread(
              () -> {
                while (true) {
                  try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s));
                    t.setDaemon(true);
                    t.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      accept.setDaemon(true);
      accept.start();
    }

    String code(Duration patience) throws InterruptedException {
      long until = System.nanoTime() + patience.toNanos();
      while (System.nanoTime() < until) {
        String subject = subjects.poll(1, TimeUnit.SECONDS);
        if (subject != null) {
          Matcher m = Pattern.compile("verification code: (\\d{6})").matcher(subject);
          if (m.find()) {
            return m.group(1);
          }
        }
      }
      throw new IllegalStateException("no verification code arrived by email");
    }

    void serve(Socket socket) {
      try (socket;
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
          OutputStream out = socket.getOutputStream()) {
        reply(out, "220 bench ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
          String command =
              line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
          switch (command) {
            case "EHLO" -> reply(out, "250-bench\r\n250-8BITMIME\r\n250 SIZE 52428800");
            case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
            case "DATA" -> {
              reply(out, "354 End data with <CR><LF>.<CR><LF>");
              String subject = "";
              boolean headers = true;
              while ((line = in.readLine()) != null && !line.equals(".")) {
                if (headers && line.isEmpty()) {
                  headers = false;
                } else if (headers && line.regionMatches(true, 0, "Subject:", 0, 8)) {
                  subject = line.substring(8).strip();
                }
              }
              subjects.add(subject);
              reply(out, "250 OK queued");
            }
            case "QUIT" -> {
              reply(out, "221 Bye");
              return;
            }
            default -> reply(out, "502 Command not implemented");
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    static void reply(OutputStream out, String text) throws IOException {
      out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }
}
