import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server for the delivery benchmark: it speaks enough SMTP (EHLO/HELO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT) over TCP to take messages, one thread per connection, and throws them
 * away, so that the benchmark measures the sender rather than a mailbox store.
 *
 * <p>Usage: java perf/SmtpSink.java PORT
 */
public class SmtpSink {

  static final AtomicLong MESSAGES = new AtomicLong();

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    try (ServerSocket server = new ServerSocket(port, 100, InetAddress.getByName("127.0.0.1"))) {
      System.out.println("SMTP sink on 127.0.0.1:" + port);
      while (true) {
        Socket socket = server.accept();
        Thread connection = new Thread(() -> serve(socket));
        connection.setDaemon(true);
        connection.start();
      }
    }
  }

  static void serve(Socket socket) {
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (command) {
          case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // the message is read and dropped
            }
            MESSAGES.incrementAndGet();
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
