package com.smartpackageroom.ejb.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does the database work of concurrent callers in groups (group commit). A caller submits an item
 * and goes on; the group's own threads ({@link #startCommitters}, two per lane) take everything
 * queued so far, up to a group, hand it to the work as one group, and tell each caller the outcome.
 * Alone, an item is settled at once; under load one round trip and one commit serve a whole group
 * instead of each caller paying for its own. When the work fails, every caller of that group gets
 * the failure. At most a bounded number of items wait: past it, {@link #submit} refuses the item
 * ({@link Full}) rather than queueing without bound.
 *
 * @param <T> an item, which the work completes in place (its results are visible to its caller when
 *     it is told)
 */
public final class GroupCommit<T> {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  private final class Entry {
    final T item;

    /** Told when the item is done, with the group's failure or null. */
    final Consumer<RuntimeException> whenDone;

    RuntimeException failure;

    Entry(T item, Consumer<RuntimeException> whenDone) {
      this.item = item;
      this.whenDone = whenDone;
    }
  }

  /** Why an item was refused: {@code maxWaiting} items wait already. */
  public static final class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Full(int maxWaiting) {
      super(maxWaiting + " items wait for a group already", null, false, false);
    }
  }

  private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();

  /** Items in {@link #queue}: counted, since a concurrent queue's size() walks it. */
  private final AtomicInteger waiting = new AtomicInteger();

  private final int maxWaiting;
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
   * @param maxWaiting the most items that may wait for a group; more are refused
   * @param work does the work of a group; throws to fail all of it
   */
  public GroupCommit(int lanes, int maxGroup, int maxWaiting, Consumer<List<T>> work) {
    if (lanes < 1 || maxGroup < 1 || maxWaiting < 1) {
      throw new IllegalArgumentException("lanes, maxGroup and maxWaiting must be positive");
    }
    this.lanes = new Semaphore(lanes);
    this.laneCount = lanes;
    this.maxGroup = maxGroup;
    this.maxWaiting = maxWaiting;
    this.work = work;
  }

  /**
   * Runs the item in a group without waiting for it: {@code whenDone} is told, with the group's
   * failure or null, in one of the group's own threads, never in the caller's (a caller may be in
   * the middle of a request that must not answer others).
   *
   * @throws IllegalStateException when no committer runs (not started, or closed)
   * @throws Full when {@code maxWaiting} items wait already (nothing is queued, nothing told)
   */
  public void submit(T item, Consumer<RuntimeException> whenDone) {
    if (!started || closed) {
      throw new IllegalStateException("The group commit is not running");
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      throw new Full(maxWaiting);
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
      waiting.decrementAndGet();
      e.failure = stopped;
      tell(e);
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
      List<Entry> group;
      lanes.acquireUninterruptibly();
      try {
        group = settleOneGroup();
      } finally {
        lanes.release();
      }
      // told once the lane is free again: another committer is with the database meanwhile
      for (Entry e : group) {
        tell(e);
      }
    }
  }

  private void tell(Entry e) {
    try {
      e.whenDone.accept(e.failure);
    } catch (RuntimeException failed) {
      // the rest of the group is still told
      LOG.log(Level.WARNING, "Answering an item of a group commit failed", failed);
    }
  }

  /** Takes what is queued, up to a group, and does its work; the group, each with its outcome. */
  private List<Entry> settleOneGroup() {
    List<Entry> group = new ArrayList<>();
    for (Entry e; group.size() < maxGroup && (e = queue.poll()) != null; ) {
      waiting.decrementAndGet();
      group.add(e);
    }
    if (group.isEmpty()) {
      return group;
    }
    List<T> items = new ArrayList<>(group.size());
    for (Entry e : group) {
      items.add(e.item);
    }
    RuntimeException failure = null;
    try {
      work.accept(items);
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      // the group's callers are told; this thread goes on serving the next groups
      LOG.log(Level.SEVERE, "A group commit's work failed with an error", e);
      failure = new IllegalStateException(e.toString(), e);
    }
    for (Entry e : group) {
      e.failure = failure;
    }
    return group;
  }
}
