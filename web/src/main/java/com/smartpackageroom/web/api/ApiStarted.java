package com.smartpackageroom.web.api;

import com.smartpackageroom.web.health.ApiReadiness;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the readiness check that the APIs are up: the JAX-RS runtime configures its features while
 * it initialises the application, when the web module starts (the servlet loads on start-up).
 */
@Provider
public class ApiStarted implements Feature {

  @Override
  public boolean configure(FeatureContext context) {
    ApiReadiness.started();
    return true;
  }
}
