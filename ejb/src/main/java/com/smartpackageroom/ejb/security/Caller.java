package com.smartpackageroom.ejb.security;

import com.smartpackageroom.domain.account.Role;
import java.util.Set;

/**
 * Who is calling a service: an account (through the portal or one of its API tokens), the bootstrap
 * token, or the system itself (schedules, demo data). Services scope every call by it.
 */
public record Caller(String actor, Long accountId, Role role, Set<Long> siteIds) {

  public Caller {
    siteIds = Set.copyOf(siteIds);
  }

  public static Caller system(String what) {
    return new Caller("system:" + what, null, Role.ADMINISTRATOR, Set.of());
  }

  public static Caller bootstrap() {
    return new Caller("bootstrap-token", null, Role.ADMINISTRATOR, Set.of());
  }

  public static Caller account(Long accountId, Role role, Set<Long> siteIds) {
    return new Caller("account:" + accountId, accountId, role, siteIds);
  }

  public boolean isAdministrator() {
    return role == Role.ADMINISTRATOR;
  }

  public boolean belongsTo(Long siteId) {
    return isAdministrator() || siteIds.contains(siteId);
  }

  public boolean is(Long accountId) {
    return this.accountId != null && this.accountId.equals(accountId);
  }
}
