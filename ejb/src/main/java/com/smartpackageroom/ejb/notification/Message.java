package com.smartpackageroom.ejb.notification;

/** What a notification says: a subject (email only) and a plain-text body. */
public record Message(String subject, String text) {}
