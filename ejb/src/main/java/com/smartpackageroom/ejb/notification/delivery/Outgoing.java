package com.smartpackageroom.ejb.notification.delivery;

import com.smartpackageroom.domain.notification.Channel;

/** A claimed message, opened for sending: it lives only in memory while it is sent. */
public record Outgoing(
    long id,
    Channel channel,
    String to,
    String subject,
    String text,
    String html,
    byte[] qrPng,
    String unsendable) {

  /** A message that must not go out any more: why (its text is null). */
  static Outgoing unsendable(long id, Channel channel, String to, String subject, String why) {
    return new Outgoing(id, channel, to, subject, null, null, null, why);
  }

  @Override
  public String toString() {
    // never the body: it may hold a PIN
    return "message " + id + " (" + channel + ")";
  }
}
