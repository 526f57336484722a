package com.smartpackageroom.domain.notification;

public enum NotificationStatus {
  PENDING,
  SENT,
  FAILED
}
