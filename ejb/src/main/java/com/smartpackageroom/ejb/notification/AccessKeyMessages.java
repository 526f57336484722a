package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.accesskey.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of the messages about access keys, with times in the site's time zone. */
@ApplicationScoped
public class AccessKeyMessages {

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a z", Locale.US);

  public Message singleAccessPin(
      Site site, Holder holder, String pin, OffsetDateTime expiresAt, Channel channel) {
    String expiry = EXPIRY.format(expiresAt.atZoneSameInstant(site.getTimeZone()));
    if (channel == Channel.SMS) {
      return new Message(
          null,
          site.getName() + " Smart Package Room: your one-time PIN is " + pin + ". It works once, until " + expiry + ".");
    }
    return new Message(
        "Your one-time Smart Package Room PIN",
        "Hello "
            + holder.displayName()
            + ",\n\nYour one-time PIN for the package room at "
            + site.getName()
            + " is:\n\n    "
            + pin
            + "\n\nIt opens the room once and expires on "
            + expiry
            + ".\nEnter it at the kiosk's sign-in screen.\n");
  }

  /** To a new resident: their PIN and QR code for the package room. */
  public Message welcome(Site site, Holder holder, String pin, Channel channel) {
    if (channel == Channel.SMS) {
      return new Message(
          null,
          site.getName()
              + " Smart Package Room: your PIN for the package room is "
              + pin
              + ". Keep it private.");
    }
    return new Message(
        "Your Smart Package Room PIN",
        "Hello "
            + holder.displayName()
            + ",\n\nWelcome to "
            + site.getName()
            + ". Your parcels wait for you in the Smart Package Room.\n"
            + "Your PIN for the room is:\n\n    "
            + pin
            + "\n\nEnter it at the kiosk's sign-in screen, or show the QR code of this message to the"
            + " kiosk's camera.\nKeep both private: they open the room.\n");
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

  public Message invitation(String siteName, String firstName, String link) {
    return new Message(
        "You are invited to the Smart Package Room portal",
        "Hello "
            + firstName
            + ",\n\nYou have been invited to the Smart Package Room portal of "
            + siteName
            + ".\nSet your password here (the link works for 7 days):\n\n"
            + link
            + "\n");
  }
}
