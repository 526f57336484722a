package com.smartpackageroom.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application is deployed and answering. */
@Liveness
@ApplicationScoped
public class ApplicationHealth implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("smart-package-room");
  }
}
