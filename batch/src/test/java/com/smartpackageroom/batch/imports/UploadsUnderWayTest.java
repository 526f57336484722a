package com.smartpackageroom.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UploadsUnderWayTest {

  @Test
  void ofThirtyUploadsAtOnceOnlyTheRoomLeftIsTaken() throws Exception {
    UploadsUnderWay uploads = new UploadsUnderWay();
    ExecutorService threads = Executors.newFixedThreadPool(30);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Boolean>> takes = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        takes.add(
            threads.submit(
                () -> {
                  go.await();
                  return uploads.take(7, 9);
                }));
      }
      go.countDown();
      int taken = 0;
      for (Future<Boolean> take : takes) {
        taken += take.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(9, taken);
      assertEquals(9, uploads.underWay(7));
      assertEquals(0, uploads.underWay(8), "another site's room is its own");
      assertTrue(uploads.take(8, 1));
    } finally {
      threads.shutdownNow();
    }
    uploads.give(7);
    assertEquals(8, uploads.underWay(7));
    assertTrue(uploads.take(7, 9), "a place given back is taken again");
    assertFalse(uploads.take(7, 9));
    assertFalse(uploads.take(7, 0), "no room: nothing taken");
  }

  @Test
  void aPlaceIsGivenBackOnlyOnce() {
    UploadsUnderWay uploads = new UploadsUnderWay();
    assertThrows(IllegalStateException.class, () -> uploads.give(1), "never taken");
    assertTrue(uploads.take(1, 1));
    uploads.give(1);
    assertEquals(0, uploads.underWay(1));
    assertThrows(IllegalStateException.class, () -> uploads.give(1));
  }
}
