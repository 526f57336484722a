package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.ejb.accesskey.CustomPinLimits;
import com.smartpackageroom.ejb.crypto.KeyFingerprint;
import com.smartpackageroom.ejb.crypto.KeyRing;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Makes, at start-up, the beans that read their settings when they are made (the keys, the kiosk
 * throttle, the sign-in's cache and pool), and checks that the keys are those the database was
 * first used with: a wrong setting then stops the deployment, its message in the server's log,
 * instead of failing every sign-in and every key operation once the server is up. It runs after the
 * schema is migrated; every other start-up bean and timer runs after it.
 */
@Singleton
@Startup
@DependsOn("Database")
public class StartupCheck {

  /** What a start-up bean of another module of the EAR names to run after this one. */
  public static final String FROM_OTHER_MODULES = "spr-ejb.jar#StartupCheck";

  @Inject KeyRing keys;

  @Inject KeyFingerprint fingerprint;

  @Inject KioskThrottle throttle;

  @Inject SignInFastPath fastPath;

  @Inject SlowSignIns slowSignIns;

  @Inject CustomPinLimits customPinLimits;

  @PostConstruct
  void check() {
    keys.ready();
    fingerprint.check();
    throttle.ready();
    fastPath.ready();
    slowSignIns.ready();
    customPinLimits.ready();
  }
}
