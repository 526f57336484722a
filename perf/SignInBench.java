import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of the kiosk sign-in benchmark (see perf/README.md). Runs as a single source
 * file: java perf/SignInBench.java COMMAND ...
 *
 * <pre>
 * setup BASE_URL API_TOKEN KEYS OUT_DIR     a site, a kiosk, KEYS recipients with a PIN each
 * closed BASE_URL OUT_DIR TARGET CONCURRENCY SECONDS   as fast as CONCURRENCY clients can go
 * open BASE_URL OUT_DIR TARGET RATE SECONDS            a fixed offered load of RATE requests/s
 * </pre>
 *
 * TARGET is "signin" (POST /api/kiosk/v1/sessions with a random PIN of the site) or "noop"
 * (POST /api/ping with the same body). Latency in the open model is measured from the moment a
 * request was due, so a server that falls behind shows it (no coordinated omission); it keeps 64
 * connections (-Dconnections=N), like a fleet of kiosks with a connection each.
 */
public class SignInBench {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(4))
          .build();

  /** Connections of the open model: enough for the offered load to be kept up with ease. */
  private static final int OPEN_CONNECTIONS = Integer.getInteger("connections", 64);

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "setup" -> setup(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
      case "closed" ->
          closed(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
      case "open" ->
          open(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
    // the HTTP client's threads would keep the JVM alive
    System.exit(0);
  }

  // --- setup: the site, its kiosk and KEYS recipients with a PIN each, through the API

  static void setup(String base, String token, int keys, Path out) throws Exception {
    Files.createDirectories(out);
    String site =
        field(
            post(base + "/api/v1/sites", token,
                "{\"name\":\"Benchmark\",\"timeZone\":\"America/New_York\",\"requestPinEnabled\":false}", 201),
            "id");
    String kiosk =
        field(post(base + "/api/v1/sites/" + site + "/kiosks", token, "{\"name\":\"Bench kiosk\"}", 201), "token");
    List<String> pins = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      int n = i;
      jobs.add(
          pool.submit(
              () -> {
                String recipient =
                    field(
                        post(base + "/api/v1/sites/" + site + "/recipients", token,
                            "{\"firstName\":\"Bench\",\"lastName\":\"Resident " + n + "\",\"unit\":\"" + n + "\"}", 201),
                        "id");
                pins.add(
                    field(
                        post(base + "/api/v1/sites/" + site + "/recipients/" + recipient + "/access-keys",
                            token, "{\"type\":\"PIN\"}", 201),
                        "pin"));
                return null;
              }));
    }
    for (var job : jobs) {
      job.get();
    }
    pool.shutdown();
    Files.writeString(out.resolve("site"), site);
    Files.writeString(out.resolve("kiosk-token"), kiosk);
    Files.write(out.resolve("pins"), pins);
    System.out.println("site " + site + " with " + pins.size() + " recipient PINs");
  }

  // --- load

  record Target(URI uri, String kioskToken, String[] pins) {
    byte[] request(Random random) {
      String body = "{\"pin\":\"" + pins[random.nextInt(pins.length)] + "\"}";
      return ("POST " + uri.getRawPath() + " HTTP/1.1\r\n"
              + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
              + "Content-Type: application/json\r\n"
              + "Authorization: Bearer " + kioskToken + "\r\n"
              + "Content-Length: " + body.length() + "\r\n\r\n"
              + body)
          .getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * The load's HTTP/1.1 client: one kept-alive socket, blocking reads, nothing else. The driver
   * shares the 2 cores with the server and the database, so its own cost must stay small (the
   * JDK's HttpClient costs about as much CPU per request as the no-op endpoint itself).
   */
  static final class Connection {
    private final URI uri;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Connection(URI uri) {
      this.uri = uri;
    }

    /** Sends the request and reads the whole response; returns its status. */
    int exchange(byte[] request) throws IOException {
      for (int attempt = 1; ; attempt++) {
        try {
          if (socket == null) {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
          }
          out.write(request);
          out.flush();
          return response();
        } catch (IOException e) {
          close();
          if (attempt == 2) {
            throw e;
          }
          // the server closed a kept-alive connection: once more on a new one
        }
      }
    }

    private int response() throws IOException {
      String status = line();
      if (!status.startsWith("HTTP/1.1 ")) {
        throw new IOException("not an HTTP/1.1 response: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = 0;
      boolean chunked = false;
      boolean closing = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String h = header.toLowerCase(Locale.ROOT);
        if (h.startsWith("content-length:")) {
          length = Long.parseLong(h.substring(15).strip());
        } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
          chunked = true;
        } else if (h.startsWith("connection:") && h.contains("close")) {
          closing = true;
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
            size = Long.parseLong(line().split(";")[0].strip(), 16)) {
          skip(size);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else {
        skip(length);
      }
      if (closing) {
        close();
      }
      return code;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("connection closed by the server");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        long skipped = in.skip(n);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new EOFException("connection closed by the server");
          }
          skipped = 1;
        }
        n -= skipped;
      }
    }

    void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // gone already
        }
      }
      socket = null;
    }
  }

  static Target target(String base, Path dir, String name) throws IOException {
    String path =
        switch (name) {
          case "signin" -> "/api/kiosk/v1/sessions";
          case "noop" -> "/api/ping";
          default -> throw new IllegalArgumentException("target is signin or noop");
        };
    return new Target(
        URI.create(base + path),
        Files.readString(dir.resolve("kiosk-token")).strip(),
        Files.readAllLines(dir.resolve("pins")).toArray(String[]::new));
  }

  static void closed(String base, Path dir, String name, int concurrency, int seconds) throws Exception {
    Target target = target(base, dir, name);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      Thread t =
          new Thread(
              () -> {
                Random random = new Random();
                Connection connection = new Connection(target.uri());
                long[] mine = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  try {
                    if (!ok(connection.exchange(target.request(random)))) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  if (n < mine.length) {
                    mine[n++] = System.nanoTime() - start;
                  }
                }
                connection.close();
                samples.add(Arrays.copyOf(mine, n));
              });
      t.start();
      clients.add(t);
    }
    for (Thread t : clients) {
      t.join();
    }
    report(name, "closed, " + concurrency + " clients", samples, seconds, errors.get());
  }

  /**
   * A fixed offered load, as wrk2 does it: request i is due at start + i / RATE; CONNECTIONS
   * workers, each with a kept-alive connection, take the next request, wait until it is due and
   * send it. When all are busy, due requests wait, and that wait counts in their latency.
   */
  static void open(String base, Path dir, String name, int rate, int seconds) throws Exception {
    Target target = target(base, dir, name);
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    double interval = 1e9 / rate;
    long start = System.nanoTime() + 100_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < OPEN_CONNECTIONS; w++) {
      Thread t =
          new Thread(
              () -> {
                Random random = new Random();
                Connection connection = new Connection(target.uri());
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  long due = start + (long) (i * interval);
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                  }
                  try {
                    if (!ok(connection.exchange(target.request(random)))) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies[i] = System.nanoTime() - due;
                }
                connection.close();
              });
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
    samples.add(latencies);
    report(name, "open, offered " + rate + "/s", samples, elapsed, errors.get());
  }

  static boolean ok(int status) {
    return status == 200 || status == 201;
  }

  static void report(String name, String model, ConcurrentLinkedQueue<long[]> samples, double seconds, int errors) {
    long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double rate = all.length / seconds;
    System.out.printf(
        "RESULT target=%s model=\"%s\" requests=%d errors=%d rate=%.0f/s p50=%.2fms p99=%.2fms%n",
        name, model, all.length, errors, rate, percentile(all, 0.50), percentile(all, 0.99));
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  // --- a little HTTP and JSON for the set-up

  static String post(String url, String token, String json, int expected) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("POST " + url + " failed", e);
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
