package com.smartpackageroom.ejb.notification;

/** "Send notification via": Email, SMS (text), or Both. */
public enum NotifyVia {
  EMAIL,
  SMS,
  BOTH
}
