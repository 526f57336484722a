package com.smartpackageroom.ejb.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says at start-up whether the bootstrap API token is honoured, and warns when it is short enough
 * to be guessed: it is the operator's choice, so it works all the same. Never logs the token.
 */
@Singleton
@Startup
@DependsOn("StartupCheck")
public class BootstrapTokenNotice {

  /** Below this a token can be guessed by trying. */
  static final int RECOMMENDED_LENGTH = 16;

  private static final Logger LOG = Logger.getLogger(BootstrapTokenNotice.class.getName());

  @Inject
  @ConfigProperty(name = "spr.bootstrap.api-token")
  Optional<String> bootstrapToken;

  @PostConstruct
  void tell() {
    int length = bootstrapToken.map(String::trim).map(String::length).orElse(0);
    if (length == 0) {
      return;
    }
    if (length < RECOMMENDED_LENGTH) {
      LOG.warning(
          () ->
              "spr.bootstrap.api-token is honoured, but it has only "
                  + length
                  + " characters: use "
                  + RECOMMENDED_LENGTH
                  + " or more (openssl rand -hex 24), and unset it once an administrator has a token of their own");
    } else {
      LOG.info(
          "spr.bootstrap.api-token is set: it is honoured as an administrator's token while it is set");
    }
  }
}
