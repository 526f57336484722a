package com.smartpackageroom.domain.recipient;

/** Where a recipient came from: a full import moves out only imported residents. */
public enum RecipientSource {
  MANUAL,
  IMPORT
}
