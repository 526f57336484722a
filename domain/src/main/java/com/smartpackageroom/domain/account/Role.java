package com.smartpackageroom.domain.account;

/** What a portal account may do; see PRODUCT.md, "People and roles". */
public enum Role {
  ADMINISTRATOR,
  PROPERTY_MANAGER,
  STAFF
}
