package com.smartpackageroom.ejb.notification;

/**
 * What a notification says: a subject (email only), a plain-text body and, for the emails about
 * access keys, an HTML body that may show the QR code (the inline image {@link #QR_CONTENT_ID}).
 */
public record Message(String subject, String text, String html) {

  /** The Content-ID of the QR code image an HTML body refers to as {@code cid:qr-code}. */
  public static final String QR_CONTENT_ID = "qr-code";

  public Message(String subject, String text) {
    this(subject, text, null);
  }
}
