package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.accesskey.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of the messages about access keys, with times in the site's time zone. An email about a
 * key has a plain-text and an HTML body; the HTML body shows the holder's QR code when there is
 * one. Text messages carry the PIN and its expiry, never an image.
 */
@ApplicationScoped
public class AccessKeyMessages {

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a z", Locale.US);

  private static final String QR_HINT =
      "You can also sign in by showing the QR code of this message to the kiosk's camera.";

  /** The subject of {@link #welcome}'s email. */
  public static final String WELCOME_SUBJECT = "Your Smart Package Room PIN";

  /**
   * The template name of a welcome message rendered when it is sent (the import's): {@link
   * #welcome} with the PIN of its key, the key holder's name and the site's, then.
   */
  public static final String WELCOME_TEMPLATE = "WELCOME";

  /** To a new resident: their PIN (and QR code) for the package room. */
  public Message welcome(Site site, Holder holder, String pin, Channel channel, boolean qrCode) {
    if (channel == Channel.SMS) {
      return new Message(
          null,
          site.getName()
              + " Smart Package Room: your PIN for the package room is "
              + pin
              + ". It does not expire. Keep it private.");
    }
    return email(
        WELCOME_SUBJECT,
        holder,
        "Welcome to "
            + site.getName()
            + ". Your parcels wait for you in the Smart Package Room. Your PIN for the room is:",
        pin,
        "Your PIN does not expire. Enter it at the kiosk's sign-in screen.",
        qrCode,
        "Keep it private: it opens the room.");
  }

  /** A newly generated PIN for someone who has had keys before. */
  public Message newPin(Site site, Holder holder, String pin, Channel channel, boolean qrCode) {
    if (channel == Channel.SMS) {
      return new Message(
          null,
          site.getName()
              + " Smart Package Room: your new PIN is "
              + pin
              + ". It does not expire. Keep it private.");
    }
    return email(
        "Your new Smart Package Room PIN",
        holder,
        "Your new PIN for the package room at " + site.getName() + " is:",
        pin,
        "Your PIN does not expire. Enter it at the kiosk's sign-in screen.",
        qrCode,
        "Keep it private: it opens the room.");
  }

  /** A newly generated QR code; by email only, since a text message cannot show it. */
  public Message newQrCode(Site site, Holder holder) {
    return email(
        "Your new Smart Package Room QR code",
        holder,
        "Here is your new QR code for the package room at "
            + site.getName()
            + ". Show it to the kiosk's camera to sign in.",
        null,
        null,
        true,
        "Keep it private: it opens the room.");
  }

  public Message singleAccessPin(
      Site site,
      Holder holder,
      String pin,
      OffsetDateTime expiresAt,
      Channel channel,
      boolean qrCode) {
    String expiry = EXPIRY.format(expiresAt.atZoneSameInstant(site.getTimeZone()));
    if (channel == Channel.SMS) {
      return new Message(
          null,
          site.getName()
              + " Smart Package Room: your one-time PIN is "
              + pin
              + ". It works once, until "
              + expiry
              + ".");
    }
    return email(
        "Your one-time Smart Package Room PIN",
        holder,
        "Your one-time PIN for the package room at " + site.getName() + " is:",
        pin,
        "It opens the room once and expires on "
            + expiry
            + ". Enter it at the kiosk's sign-in screen.",
        qrCode,
        null);
  }

  public Message kioskAlert(Site site, String kioskName, int failures) {
    return new Message(
        "Alert: repeated wrong PINs at kiosk " + kioskName,
        "The kiosk "
            + kioskName
            + " at "
            + site.getName()
            + " has refused "
            + failures
            + " sign-ins in a row. It now waits longer after each further failure.\n"
            + "If nobody at the site forgot their PIN, someone may be guessing: check the audit log.\n");
  }

  public Message kioskBudgetSpent(Site site, String kioskName, int failures, String until) {
    return new Message(
        "Alert: kiosk " + kioskName + " stopped after too many wrong attempts",
        "The kiosk "
            + kioskName
            + " at "
            + site.getName()
            + " has refused "
            + failures
            + " attempts (wrong PINs, QR codes or cards, unknown contacts) within 24 hours."
            + " It answers nobody until "
            + until
            + ", so that nobody can guess a PIN there.\n"
            + "If this is not expected, someone may be guessing: check the audit log. A property"
            + " manager can clear the kiosk's failures (Kiosks, Clear throttle) to let it work"
            + " again at once.\n");
  }

  public Message invitation(String siteName, String firstName, String link) {
    return new Message(
        "You are invited to the Smart Package Room portal",
        "Hello "
            + firstName
            + ",\n\nYou have been invited to the Smart Package Room portal of "
            + siteName
            + ".\nSet your password here (the link works once, for 72 hours):\n\n"
            + link
            + "\n");
  }

  /** One email in two forms from the same parts; {@code pin} and the texts after it may be null. */
  private static Message email(
      String subject,
      Holder holder,
      String intro,
      String pin,
      String validity,
      boolean qrCode,
      String closing) {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    text.append("Hello ").append(holder.displayName()).append(",\n\n").append(intro).append("\n\n");
    html.append(
            "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;color:#222\">")
        .append("<p>Hello ")
        .append(escape(holder.displayName()))
        .append(",</p><p>")
        .append(escape(intro))
        .append("</p>");
    if (pin != null) {
      text.append("    ").append(pin).append("\n\n");
      html.append("<p style=\"font-size:28px;font-family:monospace;letter-spacing:6px\"><strong>")
          .append(escape(pin))
          .append("</strong></p>");
    }
    if (validity != null) {
      text.append(validity).append('\n');
      html.append("<p>").append(escape(validity)).append("</p>");
    }
    if (qrCode) {
      if (pin != null) {
        text.append(QR_HINT).append('\n');
        html.append("<p>").append(escape(QR_HINT)).append("</p>");
      } else {
        text.append("The QR code is in the HTML version of this message.\n");
      }
      html.append("<p><img src=\"cid:")
          .append(Message.QR_CONTENT_ID)
          .append("\" alt=\"Your QR code for the kiosk\" width=\"240\" height=\"240\"></p>");
    }
    if (closing != null) {
      text.append(closing).append('\n');
      html.append("<p>").append(escape(closing)).append("</p>");
    }
    html.append("<p style=\"color:#777;font-size:12px\">Smart Package Room</p></body></html>");
    return new Message(subject, text.toString(), html.toString());
  }

  private static String escape(String s) {
    return Html.escape(s);
  }
}
