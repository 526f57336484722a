package com.smartpackageroom.batch.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Whether this deployment of the application is ending (undeployed, redeployed or its server
 * stopping). A job thread that waits in a loop (an import waiting for its site's turn) looks here:
 * the batch runtime does not stop a job whose application goes away, and a loop that retried its
 * calls into the undeployed beans would go on for as long as the server runs, logging every second.
 * A flag of the deployment's own class: the next deployment has its own, which starts false.
 */
@ApplicationScoped
public class ApplicationEnding {

  private static final Logger LOG = Logger.getLogger(ApplicationEnding.class.getName());

  private static volatile boolean ending;

  static void ending(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    ending = true;
    LOG.info("The application is ending: imports waiting for their site's turn stop waiting");
  }

  /** True once the application began to end. */
  static boolean now() {
    return ending;
  }
}
