package com.smartpackageroom.ejb.notification.delivery;

import com.smartpackageroom.ejb.notification.Message;
import jakarta.activation.DataHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends email through the SMTP server of spr.mail.smtp.*, one connection for a run of messages.
 * Every network wait is bounded by spr.mail.smtp.timeout, so a hung server cannot hold the
 * dispatcher. Without spr.mail.smtp.host, email stays in the outbox.
 */
@ApplicationScoped
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

  @Inject
  @ConfigProperty(name = "spr.mail.smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "spr.mail.smtp.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "spr.mail.smtp.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "spr.mail.smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "spr.mail.smtp.starttls", defaultValue = "true")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "spr.mail.smtp.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "spr.mail.from", defaultValue = "Smart Package Room <no-reply@localhost>")
  String from;

  private Session session;
  private InternetAddress sender;

  @PostConstruct
  void init() {
    try {
      sender = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException("spr.mail.from is not an email address: " + from, e);
    }
    Properties props = new Properties();
    String millis = Long.toString(timeout.toMillis());
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    props.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
    props.put("mail.smtp.starttls.required", Boolean.toString(starttls));
    props.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
    session = Session.getInstance(props);
    if (configured()) {
      LOG.info(
          () ->
              "Email goes out through "
                  + host.get()
                  + ":"
                  + port
                  + (starttls ? " (STARTTLS)" : ""));
    } else {
      LOG.info("No SMTP server configured (spr.mail.smtp.host): email stays in the outbox");
    }
  }

  public boolean configured() {
    return host.isPresent() && !host.get().isBlank();
  }

  /** A connection for a run of messages; opening it fails when the server cannot be reached. */
  public Connection connect() throws MessagingException {
    Transport transport = session.getTransport("smtp");
    connect(transport);
    return new Connection(transport);
  }

  private void connect(Transport transport) throws MessagingException {
    transport.connect(host.orElseThrow(), port, username.orElse(null), password.orElse(null));
  }

  /** One SMTP connection; a message that breaks it is followed by a new one. */
  public final class Connection implements AutoCloseable {

    private final Transport transport;

    private Connection(Transport transport) {
      this.transport = transport;
    }

    public Outcome send(Outgoing mail) {
      MimeMessage message;
      try {
        message = build(mail);
      } catch (AddressException e) {
        return new Outcome.Failed("not an email address: " + e.getMessage(), true);
      } catch (MessagingException e) {
        return new Outcome.Failed("the message cannot be built: " + e.getMessage(), true);
      }
      try {
        if (!transport.isConnected()) {
          connect(transport);
        }
        transport.sendMessage(message, message.getAllRecipients());
        return Outcome.sent();
      } catch (SendFailedException e) {
        Address[] invalid = e.getInvalidAddresses();
        if (invalid != null && invalid.length > 0 && permanentReply(e)) {
          return new Outcome.Failed("the mail server refuses the address: " + reply(e), true);
        }
        return new Outcome.Failed("the mail server did not take the message: " + reply(e), false);
      } catch (MessagingException e) {
        if (causedByNetwork(e)) {
          return new Outcome.Unreachable("the mail server cannot be reached: " + reply(e));
        }
        return new Outcome.Failed("the mail server did not take the message: " + reply(e), false);
      }
    }

    @Override
    public void close() {
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.fine(() -> "Closing the SMTP connection: " + e.getMessage());
      }
    }
  }

  MimeMessage build(Outgoing mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(sender);
    message.setRecipient(
        jakarta.mail.Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    if (mail.html() == null) {
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
      return message;
    }
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    if (mail.qrPng() == null) {
      message.setContent(alternative);
      return message;
    }
    MimeMultipart related = new MimeMultipart("related");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    MimeBodyPart image = new MimeBodyPart();
    image.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.qrPng(), "image/png")));
    image.setContentID("<" + Message.QR_CONTENT_ID + ">");
    image.setDisposition(Part.INLINE);
    image.setFileName("qr-code.png");
    related.addBodyPart(body);
    related.addBodyPart(image);
    message.setContent(related);
    return message;
  }

  private static boolean causedByNetwork(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof IOException) {
        return true;
      }
    }
    // Jakarta Mail reports a refused or lost connection as "Could not connect" / "not connected"
    String text = String.valueOf(e.getMessage()).toLowerCase();
    return text.contains("could not connect") || text.contains("not connected");
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /** A 5xx SMTP reply is final; 4xx means "later". */
  private static boolean permanentReply(MessagingException e) {
    for (Throwable t = e; t != null; t = next(t)) {
      String text = String.valueOf(t.getMessage()).trim();
      if (text.matches("^5\\d\\d.*")) {
        return true;
      }
      if (text.matches("^4\\d\\d.*")) {
        return false;
      }
    }
    return true;
  }

  private static String reply(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null && out.length() < 400; t = next(t)) {
      if (t.getMessage() != null && out.indexOf(t.getMessage().trim()) < 0) {
        out.append(out.length() == 0 ? "" : "; ").append(t.getMessage().trim());
      }
    }
    return out.toString();
  }
}
