import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * request was due, so a server that falls behind shows it (no coordinated omission).
 */
public class SignInBench {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(4))
          .build();

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
    HttpRequest request(Random random) {
      String pin = pins[random.nextInt(pins.length)];
      return HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + kioskToken)
          .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\"}"))
          .build();
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
                long[] mine = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  try {
                    HttpResponse<Void> r = HTTP.send(target.request(random), HttpResponse.BodyHandlers.discarding());
                    if (!ok(r.statusCode())) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  if (n < mine.length) {
                    mine[n++] = System.nanoTime() - start;
                  }
                }
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

  static void open(String base, Path dir, String name, int rate, int seconds) throws Exception {
    Target target = target(base, dir, name);
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger errors = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    Semaphore inFlight = new Semaphore(2000);
    Random random = new Random();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      int index = i;
      pending.add(
          HTTP.sendAsync(target.request(random), HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (r, e) -> {
                    latencies[index] = System.nanoTime() - due;
                    if (e != null || !ok(r.statusCode())) {
                      errors.incrementAndGet();
                    }
                    done.incrementAndGet();
                    inFlight.release();
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
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
