package com.smartpackageroom.ejb.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.notification.Channel;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSenderTest {

  private static MailSender sender() {
    MailSender sender = new MailSender();
    sender.host = Optional.empty();
    sender.port = 587;
    sender.username = Optional.empty();
    sender.password = Optional.empty();
    sender.starttls = true;
    sender.timeout = Duration.ofSeconds(10);
    sender.from = "Smart Package Room <packages@example.org>";
    sender.init();
    return sender;
  }

  @Test
  void anAccessKeyEmailIsTextAndHtmlWithTheQrCodeInline() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    MimeMessage message =
        sender()
            .build(
                new Outgoing(
                    1,
                    Channel.EMAIL,
                    "ana@example.org",
                    "Your PIN",
                    "PIN 482913",
                    "<p>PIN 482913</p><img src=\"cid:qr-code\">",
                    png,
                    null));
    message.saveChanges();
    assertEquals("packages@example.org", message.getFrom()[0].toString().replaceAll(".*<|>", ""));
    assertEquals("ana@example.org", message.getAllRecipients()[0].toString());
    assertTrue(message.isMimeType("multipart/related"));
    Multipart related = (Multipart) message.getContent();
    assertEquals(2, related.getCount());
    BodyPart alternative = related.getBodyPart(0);
    assertTrue(alternative.isMimeType("multipart/alternative"));
    Multipart parts = (Multipart) alternative.getContent();
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    MimeBodyPart image = (MimeBodyPart) related.getBodyPart(1);
    assertTrue(image.isMimeType("image/png"));
    assertEquals("<qr-code>", image.getContentID());
    assertArrayEquals(png, image.getInputStream().readAllBytes());
  }

  @Test
  void aShortMessageIsPlainText() throws Exception {
    MimeMessage message =
        sender()
            .build(
                new Outgoing(
                    2, Channel.EMAIL, "pm@example.org", "Alert", "Kiosk alert", null, null, null));
    message.saveChanges();
    assertTrue(message.isMimeType("text/plain"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    assertTrue(out.toString().contains("Kiosk alert"));
  }
}
