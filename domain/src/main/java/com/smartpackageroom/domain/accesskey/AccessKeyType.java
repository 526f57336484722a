package com.smartpackageroom.domain.accesskey;

public enum AccessKeyType {
  PIN,
  QR,
  KEY_CARD
}
