package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.ejb.crypto.KeyRing;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Makes, at start-up, the beans that read their settings when they are made (the keys, the kiosk
 * throttle, the sign-in's cache): a wrong setting then stops the deployment, its message in the
 * server's log, instead of failing every sign-in and every key operation once the server is up.
 */
@Singleton
@Startup
public class StartupCheck {

  @Inject KeyRing keys;

  @Inject KioskThrottle throttle;

  @Inject SignInFastPath fastPath;

  @Inject SlowSignIns slowSignIns;

  @PostConstruct
  void check() {
    keys.ready();
    throttle.ready();
    fastPath.ready();
    slowSignIns.ready();
  }
}
