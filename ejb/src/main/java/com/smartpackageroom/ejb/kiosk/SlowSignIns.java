package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The threads that decide kiosk sign-ins under locks (wrong keys, one-time PINs, kiosks with
 * failures): a pool of their own with a bounded queue, so that a flood of wrong PINs neither queues
 * without bound nor takes the threads other work needs (the outbox's dispatcher runs on the default
 * executor). A full queue is refused with 503 and Retry-After.
 */
@ApplicationScoped
public class SlowSignIns {

  /** Container threads (a ManagedThreadFactory), so that they end with the application. */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threads;

  @Inject
  @ConfigProperty(name = "spr.kiosk.sign-in-threads", defaultValue = "8")
  int threadCount;

  @Inject
  @ConfigProperty(name = "spr.kiosk.sign-in-queue", defaultValue = "256")
  int queueSize;

  @Inject
  @ConfigProperty(name = "spr.kiosk.sign-in-timeout", defaultValue = "PT15S")
  Duration timeout;

  private ThreadPoolExecutor pool;

  @PostConstruct
  void start() {
    if (threadCount < 1 || queueSize < 1) {
      throw new IllegalStateException(
          "spr.kiosk.sign-in-threads and spr.kiosk.sign-in-queue must be at least 1");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalStateException("spr.kiosk.sign-in-timeout must be positive");
    }
    pool =
        new ThreadPoolExecutor(
            threadCount,
            threadCount,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(queueSize),
            threads);
    pool.allowCoreThreadTimeOut(true);
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }

  /** Nothing but being made: the settings are checked when the bean is ({@link StartupCheck}). */
  public void ready() {
    // made and checked
  }

  /** How long a kiosk waits for its answer before it is told to try again. */
  public Duration timeout() {
    return timeout;
  }

  /** Runs a sign-in's decision; 503 when too many wait already. */
  public void execute(Runnable decision) {
    try {
      pool.execute(decision);
    } catch (RejectedExecutionException e) {
      throw busy();
    }
  }

  /** The answer to a sign-in that cannot be decided now. */
  public static DomainException busy() {
    return new DomainException(
        Reason.UNAVAILABLE,
        "busy",
        "The server is busy deciding other sign-ins: try again in a moment",
        Duration.ofSeconds(2));
  }
}
