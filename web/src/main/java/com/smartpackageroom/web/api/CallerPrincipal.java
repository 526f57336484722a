package com.smartpackageroom.web.api;

import com.smartpackageroom.ejb.security.Caller;
import java.security.Principal;

/** The authenticated caller of the management API. */
public record CallerPrincipal(Caller caller) implements Principal {

  @Override
  public String getName() {
    return caller.actor();
  }
}
