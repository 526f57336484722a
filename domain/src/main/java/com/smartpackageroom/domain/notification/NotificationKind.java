package com.smartpackageroom.domain.notification;

/** What a message is about; decides its template. */
public enum NotificationKind {
  ACCESS_KEY,
  SINGLE_ACCESS_PIN,
  PIN_REQUEST,
  INVITATION,
  KIOSK_ALERT,
  VERIFICATION_CODE,
  PASSWORD_RESET,
  EMAIL_CONFIRMATION
}
