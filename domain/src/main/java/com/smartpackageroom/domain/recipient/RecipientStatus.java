package com.smartpackageroom.domain.recipient;

public enum RecipientStatus {
  ACTIVE,
  MOVED_OUT
}
