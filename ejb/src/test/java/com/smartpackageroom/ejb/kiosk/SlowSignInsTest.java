package com.smartpackageroom.ejb.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlowSignInsTest {

  private static SlowSignIns pool(int threads, int queue) {
    SlowSignIns pool = new SlowSignIns();
    pool.threadCount = threads;
    pool.queueSize = queue;
    pool.timeout = Duration.ofSeconds(15);
    pool.threads = r -> Executors.defaultThreadFactory().newThread(r);
    pool.start();
    return pool;
  }

  @Test
  void aFullQueueIsRefusedWith503AndRetryAfterInsteadOfWaitingWithoutBound() throws Exception {
    SlowSignIns pool = pool(1, 2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(3);
    Runnable held =
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ran.countDown();
        };
    pool.execute(held); // running
    pool.execute(held); // queued
    pool.execute(held); // queued
    DomainException busy = assertThrows(DomainException.class, () -> pool.execute(held));
    assertEquals(Reason.UNAVAILABLE, busy.reason());
    assertEquals(503, busy.reason().httpStatus());
    assertEquals("busy", busy.code());
    assertTrue(busy.retryAfter().isPresent());
    release.countDown();
    assertTrue(ran.await(10, TimeUnit.SECONDS), "what was taken is decided");
    pool.execute(() -> {}); // room again
    pool.stop();
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalStateException.class, () -> pool(0, 1));
    assertThrows(IllegalStateException.class, () -> pool(1, 0));
    SlowSignIns noTimeout = new SlowSignIns();
    noTimeout.threadCount = 1;
    noTimeout.queueSize = 1;
    noTimeout.timeout = Duration.ZERO;
    assertThrows(IllegalStateException.class, noTimeout::start);
  }
}
