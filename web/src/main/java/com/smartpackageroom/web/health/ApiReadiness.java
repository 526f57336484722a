package com.smartpackageroom.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the APIs answer. Payara registers the application's health checks when it loads the
 * application, seconds before the web module serves requests (the APIs answer 404 meanwhile); this
 * check stays DOWN until the JAX-RS application under /api has been initialised.
 */
@Readiness
@ApplicationScoped
public class ApiReadiness implements HealthCheck {

  private static volatile boolean started;

  /** Called when the JAX-RS runtime has configured the application (see ApiStarted). */
  public static void started() {
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    return started
        ? HealthCheckResponse.up("api")
        : HealthCheckResponse.named("api").down().withData("reason", "starting").build();
  }
}
