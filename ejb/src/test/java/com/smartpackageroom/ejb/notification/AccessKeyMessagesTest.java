package com.smartpackageroom.ejb.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.accesskey.Holder;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessKeyMessagesTest {

  private final AccessKeyMessages messages = new AccessKeyMessages();
  private final Site site =
      new Site(
          "Elm & Oak <Tower>", ZoneId.of("America/Los_Angeles"), "US", true, OffsetDateTime.now());
  private final Holder holder =
      new Holder(
          HolderKind.RECIPIENT, 7L, 1L, "Zoë <script>", true, "zoe@example.org", "+14155550100");

  @Test
  void aSingleAccessPinNamesItsExpiryInTheSiteTimeZone() {
    OffsetDateTime expiry = OffsetDateTime.of(2026, 12, 24, 20, 30, 0, 0, ZoneOffset.UTC);
    Message email = messages.singleAccessPin(site, holder, "482913", expiry, Channel.EMAIL, true);
    assertTrue(email.text().contains("482913"));
    assertTrue(email.text().contains("Thursday, December 24, 2026 at 12:30 PM PST"), email.text());
    assertTrue(email.html().contains("482913"));
    assertTrue(email.html().contains("cid:qr-code"));
    Message sms = messages.singleAccessPin(site, holder, "482913", expiry, Channel.SMS, true);
    assertTrue(sms.text().contains("482913") && sms.text().contains("12:30 PM PST"), sms.text());
    assertNull(sms.html(), "a text message has no HTML and no image");
  }

  @Test
  void namesAreEscapedInTheHtmlPart() {
    Message email = messages.welcome(site, holder, "482913", Channel.EMAIL, true);
    assertFalse(email.html().contains("<script>"));
    assertTrue(email.html().contains("Zoë &lt;script&gt;"));
    assertTrue(email.html().contains("Elm &amp; Oak &lt;Tower&gt;"));
    assertTrue(email.text().contains("Zoë <script>"), "the plain text stays plain");
  }

  @Test
  void withoutAQrCodeTheEmailShowsNoImage() {
    Message email = messages.newPin(site, holder, "482913", Channel.EMAIL, false);
    assertFalse(email.html().contains("cid:"));
    assertFalse(email.text().contains("QR code"));
  }
}
