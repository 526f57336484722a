package com.smartpackageroom.it.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail server the integration server sends to (127.0.0.1:3025, see ear/pom.xml): the codes and
 * links of the portal are read from here, as a person reads them in their inbox.
 */
public final class Mailbox implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final GreenMail mail;

  public Mailbox() {
    mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @Override
  public void close() {
    mail.stop();
  }

  /** The {@code n}th message (1-based) to the address whose subject contains the text. */
  public MimeMessage await(String to, String subjectContains, int n) {
    Instant end = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(end)) {
      List<MimeMessage> found = to(to, subjectContains);
      if (found.size() >= n) {
        return found.get(n - 1);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(
        "no email " + n + " to " + to + " about '" + subjectContains + "' within " + PATIENCE);
  }

  public List<MimeMessage> to(String to, String subjectContains) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      try {
        boolean addressed =
            Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        if (addressed && m.getSubject() != null && m.getSubject().contains(subjectContains)) {
          found.add(m);
        }
      } catch (MessagingException e) {
        // not ours
      }
    }
    return found;
  }

  /** The 6-digit code of the {@code n}th verification email to the address. */
  public String code(String to, int n) {
    return find(text(await(to, "verification code", n)), "\\b([0-9]{6})\\b");
  }

  /** The first link of the newest email about the subject. */
  public String link(String to, String subjectContains) {
    List<MimeMessage> all = to(to, subjectContains);
    MimeMessage message = all.isEmpty() ? await(to, subjectContains, 1) : all.get(all.size() - 1);
    return find(text(message), "(https?://\\S+)");
  }

  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in: " + text);
    }
    return m.group(1);
  }

  /** The plain text of a message (its text/plain part). */
  public static String text(MimeMessage message) {
    try {
      return text((Part) message);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      try (InputStream in = part.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String inner = text(multipart.getBodyPart(i));
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /** What the message's PNG image (its QR code) says, decoded as a kiosk's camera reads it. */
  public static String qrCode(Part part) {
    try {
      if (part.isMimeType("image/png")) {
        try (InputStream in = part.getInputStream()) {
          java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(in);
          var bitmap =
              new com.google.zxing.BinaryBitmap(
                  new com.google.zxing.common.HybridBinarizer(
                      new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
          // a code drawn by the server, square and with its quiet zone: read as such first (the
          // default search for its finder patterns misses some 0.7 % of random contents, measured
          // on 3 000; this reading none), then as a camera's picture would be read
          try {
            return new com.google.zxing.qrcode.QRCodeReader()
                .decode(
                    bitmap,
                    java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
          } catch (com.google.zxing.NotFoundException e) {
            return new com.google.zxing.qrcode.QRCodeReader()
                .decode(
                    bitmap,
                    java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
          }
        }
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          String found = qrCode(multipart.getBodyPart(i));
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Whether the message carries a PNG image (the QR code). */
  public static boolean hasPng(Part part) {
    try {
      if (part.isMimeType("image/png")) {
        return true;
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          if (hasPng(child)) {
            return true;
          }
        }
      }
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
