package com.smartpackageroom.ejb.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Does the database work of concurrent callers in groups (group commit). A caller's item joins a
 * queue; whoever finds a lane free takes everything queued so far and hands it to the work as one
 * group, while the callers that arrive meanwhile queue up for the next group. Each caller returns
 * once its own item is done. Alone, a caller runs its item at once in its own thread; under load
 * one round trip and one commit serve a whole group instead of each caller paying for its own.
 *
 * <p>It has no thread of its own: a waiting caller's thread leads the next group. When the work
 * fails, every caller of that group gets the failure.
 *
 * @param <T> an item, which the work completes in place (its results are visible to its caller when
 *     {@link #run} returns)
 */
public final class GroupCommit<T> {

  private final class Entry {
    final T item;
    final Thread caller = Thread.currentThread();

    /** Told when the item is done (null: the caller waits in {@link #run}). */
    final Consumer<RuntimeException> whenDone;

    RuntimeException failure;
    volatile boolean done;

    Entry(T item, Consumer<RuntimeException> whenDone) {
      this.item = item;
      this.whenDone = whenDone;
    }
  }

  private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore lanes;
  private final int maxGroup;
  private final Consumer<List<T>> work;

  /**
   * @param lanes groups that may be with the database at once
   * @param maxGroup the largest group handed to the work
   * @param work does the work of a group; throws to fail all of it
   */
  public GroupCommit(int lanes, int maxGroup, Consumer<List<T>> work) {
    if (lanes < 1 || maxGroup < 1) {
      throw new IllegalArgumentException("lanes and maxGroup must be positive");
    }
    this.lanes = new Semaphore(lanes);
    this.maxGroup = maxGroup;
    this.work = work;
  }

  /** Runs the item in a group and returns when it is done; rethrows the group's failure. */
  public void run(T item) {
    Entry entry = new Entry(item, null);
    queue.add(entry);
    boolean interrupted = false;
    while (!entry.done) {
      boolean led = false;
      if (lanes.tryAcquire()) {
        try {
          led = leadOneGroup();
        } catch (Error e) {
          // the group led may not have held this caller's item: it must not be done after we fail
          if (!queue.remove(entry)) {
            awaitDone(entry);
          }
          throw e;
        } finally {
          lanes.release();
          // released before looking: whoever queued while every lane was taken is woken now
          Entry next = queue.peek();
          if (next != null) {
            LockSupport.unpark(next.caller);
          }
        }
      }
      if (!led && !entry.done) {
        // another lane has this item, or every lane is taken: the one that finishes wakes us
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (entry.failure != null) {
      throw new IllegalStateException(entry.failure.getMessage(), entry.failure);
    }
  }

  /**
   * Runs the item in a group without waiting for it: {@code whenDone} is told, with the group's
   * failure or null, in the thread that did the group (this one when it finds a lane free, and then
   * it goes on leading groups while items are queued).
   */
  public void submit(T item, Consumer<RuntimeException> whenDone) {
    queue.add(new Entry(item, whenDone));
    while (!queue.isEmpty() && lanes.tryAcquire()) {
      try {
        while (leadOneGroup()) {
          // until nothing is queued
        }
      } finally {
        lanes.release();
      }
      // whoever queued after the last look, while this lane was still taken, is led next round
    }
  }

  /** Waits until another lane has done the entry (without giving up on an interrupt). */
  private void awaitDone(Entry entry) {
    boolean interrupted = false;
    while (!entry.done) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Takes what is queued, up to a group, and does its work; false when nothing was queued. */
  private boolean leadOneGroup() {
    List<Entry> group = new ArrayList<>();
    for (Entry e; group.size() < maxGroup && (e = queue.poll()) != null; ) {
      group.add(e);
    }
    if (group.isEmpty()) {
      return false;
    }
    List<T> items = new ArrayList<>(group.size());
    for (Entry e : group) {
      items.add(e.item);
    }
    RuntimeException failure = null;
    Error error = null;
    try {
      work.accept(items);
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      failure = new IllegalStateException(e.toString(), e);
      error = e;
    }
    for (Entry e : group) {
      e.failure = failure;
      e.done = true;
      if (e.whenDone != null) {
        try {
          e.whenDone.accept(failure);
        } catch (RuntimeException ignored) {
          // the caller's own reaction failed; the rest of the group is still told
        }
      } else if (e.caller != Thread.currentThread()) {
        LockSupport.unpark(e.caller);
      }
    }
    if (error != null) {
      throw error; // the group's callers are released; the leader's thread sees it as it is
    }
    return true;
  }
}
