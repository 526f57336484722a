package com.smartpackageroom.ejb.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  /** An item the work completes in place. */
  static final class Item {
    final int number;
    volatile int doneBy = -1;

    Item(int number) {
      this.number = number;
    }
  }

  @Test
  void submittedItemsAreEachAnsweredOnceWithoutTheirCallersWaiting() throws Exception {
    int callers = 16;
    int perCaller = 400;
    AtomicInteger inWork = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger largestGroup = new AtomicInteger();
    AtomicInteger groups = new AtomicInteger();
    GroupCommit<Item> group =
        new GroupCommit<>(
            2,
            16,
            callers * perCaller,
            items -> {
              mostAtOnce.accumulateAndGet(inWork.incrementAndGet(), Math::max);
              largestGroup.accumulateAndGet(items.size(), Math::max);
              groups.incrementAndGet();
              sleepMicros(200); // a round trip
              items.forEach(i -> i.doneBy = 4);
              inWork.decrementAndGet();
            });
    group.startCommitters(Executors.defaultThreadFactory());
    int all = callers * perCaller;
    int[] answers = new int[all];
    CountDownLatch answered = new CountDownLatch(all);
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    for (int c = 0; c < callers; c++) {
      int caller = c;
      pool.submit(
          () -> {
            await(start);
            for (int n = 0; n < perCaller; n++) {
              int number = caller * perCaller + n;
              Item item = new Item(number);
              group.submit(
                  item,
                  failure -> {
                    if (failure != null || item.doneBy != 4) {
                      failures.incrementAndGet();
                    }
                    synchronized (answers) {
                      answers[number]++;
                    }
                    answered.countDown();
                  });
            }
          });
    }
    start.countDown();
    assertTrue(answered.await(60, TimeUnit.SECONDS), "every item answered");
    pool.shutdown();
    Thread.sleep(100); // an answer given twice would show now
    synchronized (answers) {
      for (int n = 0; n < all; n++) {
        assertEquals(1, answers[n], "item " + n + " answered once");
      }
    }
    assertEquals(0, failures.get());
    assertTrue(mostAtOnce.get() <= 2, "at most two groups at once, saw " + mostAtOnce.get());
    assertTrue(largestGroup.get() > 1, "items were grouped");
    assertTrue(largestGroup.get() <= 16, "no group above the limit, saw " + largestGroup.get());
    assertTrue(groups.get() < all, "fewer groups than items: " + groups.get());
    group.close();
  }

  @Test
  void aFailedGroupTellsEachSubmitterAndAFailingAnswerDoesNotSilenceTheOthers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    GroupCommit<Item> group =
        new GroupCommit<>(
            1,
            8,
            8,
            items -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("The database cannot be reached");
              }
              items.forEach(i -> i.doneBy = 5);
            });
    assertThrows(IllegalStateException.class, () -> group.submit(new Item(0), f -> {}));
    group.startCommitters(Executors.defaultThreadFactory());
    List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> tellers = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch first = new CountDownLatch(1);
    group.submit(
        new Item(1),
        failure -> {
          told.add(failure.getMessage());
          tellers.add(Thread.currentThread());
          first.countDown();
        });
    assertTrue(first.await(10, TimeUnit.SECONDS));
    Item next = new Item(2);
    group.submit(
        next,
        failure -> {
          throw new IllegalStateException("the answer itself failed");
        });
    CountDownLatch last = new CountDownLatch(1);
    group.submit(
        new Item(3),
        failure -> {
          told.add(failure == null ? "done" : "failed");
          last.countDown();
        });
    assertTrue(last.await(10, TimeUnit.SECONDS));
    assertEquals(5, next.doneBy);
    assertEquals(List.of("The database cannot be reached", "done"), told);
    assertTrue(tellers.get(0) != Thread.currentThread(), "told in the group's own thread");

    // stopped: nothing more is taken
    group.close();
    assertThrows(IllegalStateException.class, () -> group.submit(new Item(4), f -> {}));
  }

  @Test
  void pastItsBacklogAnItemIsRefusedAndNothingIsLost() throws Exception {
    CountDownLatch inWork = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit<Item> group =
        new GroupCommit<>(
            1,
            1,
            2,
            items -> {
              inWork.countDown();
              await(release);
              items.forEach(i -> i.doneBy = 6);
            });
    group.startCommitters(Executors.defaultThreadFactory());
    List<Integer> told = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch allTold = new CountDownLatch(3);
    for (int n = 0; n < 3; n++) {
      int number = n;
      group.submit(
          new Item(n),
          failure -> {
            told.add(failure == null ? number : -1);
            allTold.countDown();
          });
      if (n == 0) {
        assertTrue(inWork.await(10, TimeUnit.SECONDS), "the first item is with the work");
      }
    }
    // the first is with the work, two wait: the backlog is full
    AtomicInteger refusedTold = new AtomicInteger();
    assertThrows(
        GroupCommit.Full.class,
        () -> group.submit(new Item(3), f -> refusedTold.incrementAndGet()));
    release.countDown();
    assertTrue(allTold.await(10, TimeUnit.SECONDS), "every item taken is answered");
    assertEquals(List.of(0, 1, 2), told.stream().sorted().toList());
    // room again once the group went
    CountDownLatch later = new CountDownLatch(1);
    group.submit(new Item(4), f -> later.countDown());
    assertTrue(later.await(10, TimeUnit.SECONDS));
    assertEquals(0, refusedTold.get(), "a refused item is never told");
    group.close();
  }

  private static void sleepMicros(long micros) {
    long end = System.nanoTime() + micros * 1000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
