package com.smartpackageroom.domain.notification;

public enum Channel {
  EMAIL,
  SMS
}
