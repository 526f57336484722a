package com.smartpackageroom.ejb.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Does the database work of concurrent callers in groups (group commit). A caller's item joins a
 * queue; whoever finds a lane free takes everything queued so far and hands it to the work as one
 * group, while the callers that arrive meanwhile queue up for the next group. Each caller returns
 * once its own item is done. Alone, a caller runs its item at once in its own thread; under load
 * one round trip and one commit serve a whole group instead of each caller paying for its own.
 *
 * <p>Callers of {@link #run} wait, and a waiting caller's thread leads the next group. Callers of
 * {@link #submit} do not wait: the group's own threads ({@link #startCommitters}, two per lane)
 * settle their items and tell them. When the work fails, every caller of that group gets the
 * failure.
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
  private final int laneCount;
  private final List<Thread> committers = new ArrayList<>();
  private final ConcurrentLinkedQueue<Thread> idle = new ConcurrentLinkedQueue<>();
  private volatile boolean started;
  private volatile boolean closed;
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
    this.laneCount = lanes;
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
   * failure or null, in one of the group's own threads ({@link #startCommitters}), never in the
   * caller's (a caller may be in the middle of a request that must not answer others).
   *
   * @throws IllegalStateException when no committer runs (not started, or closed)
   */
  public void submit(T item, Consumer<RuntimeException> whenDone) {
    if (!started || closed) {
      throw new IllegalStateException("The group commit is not running");
    }
    queue.add(new Entry(item, whenDone));
    Thread idleCommitter = idle.poll();
    if (idleCommitter != null) {
      LockSupport.unpark(idleCommitter);
    }
  }

  /**
   * Starts the threads that settle submitted items, two per lane (one with the database while the
   * other answers its group); each takes what is queued, up to a group, and sleeps while nothing
   * is.
   */
  public synchronized void startCommitters(ThreadFactory threads) {
    if (!committers.isEmpty()) {
      return;
    }
    for (int i = 0; i < 2 * laneCount; i++) {
      Thread committer = threads.newThread(this::commitLoop);
      committers.add(committer);
      committer.start();
    }
    started = true;
  }

  /** Stops the committers; items still queued are told that the group commit stopped. */
  public synchronized void close() {
    closed = true;
    for (Thread committer : committers) {
      LockSupport.unpark(committer);
    }
    for (Thread committer : committers) {
      try {
        committer.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    RuntimeException stopped = new IllegalStateException("The server is stopping");
    for (Entry e; (e = queue.poll()) != null; ) {
      e.failure = stopped;
      e.done = true;
      if (e.whenDone != null) {
        tell(e);
      } else {
        LockSupport.unpark(e.caller);
      }
    }
  }

  private void commitLoop() {
    Thread me = Thread.currentThread();
    while (!closed) {
      if (queue.isEmpty()) {
        idle.add(me);
        // looked at again once registered: an item queued before that is never slept on
        if (queue.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        idle.remove(me);
        continue;
      }
      List<Entry> toTell = new ArrayList<>();
      lanes.acquireUninterruptibly();
      try {
        leadOneGroup(toTell);
      } catch (Error e) {
        // the group's callers are told below; this thread goes on serving the next groups
      } finally {
        lanes.release();
      }
      for (Entry e : toTell) {
        tell(e);
      }
    }
  }

  private void tell(Entry e) {
    try {
      e.whenDone.accept(e.failure);
    } catch (RuntimeException ignored) {
      // the caller's own reaction failed; the rest of the group is still told
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
    return leadOneGroup(null);
  }

  /**
   * Takes what is queued, up to a group, and does its work; false when nothing was queued. The
   * group's submitters are told at once, or, with {@code toTell}, left there to be told once the
   * lane is free again (a committer answers its group while another one is with the database).
   */
  private boolean leadOneGroup(List<Entry> toTell) {
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
        if (toTell != null) {
          toTell.add(e);
        } else {
          tell(e);
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
