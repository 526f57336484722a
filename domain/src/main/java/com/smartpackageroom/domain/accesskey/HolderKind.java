package com.smartpackageroom.domain.accesskey;

/** Who holds a key. */
public enum HolderKind {
  RECIPIENT,
  COURIER,
  STAFF;

  /** Only couriers and staff may choose their PIN or carry a key card. */
  public boolean mayCustomize() {
    return this != RECIPIENT;
  }
}
