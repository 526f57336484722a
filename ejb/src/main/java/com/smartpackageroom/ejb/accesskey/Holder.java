package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.HolderKind;

/** The person who holds a key, as far as keys need to know them. */
public record Holder(
    HolderKind kind,
    Long id,
    Long siteId,
    String displayName,
    boolean active,
    String email,
    String phone) {}
