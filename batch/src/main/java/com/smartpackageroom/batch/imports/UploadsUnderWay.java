package com.smartpackageroom.batch.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The uploads of each site that this instance is reading and storing now, before their imports
 * exist: a place is taken before an upload's body is read, within the room the site has left for
 * imports waiting or running, so that of many uploads at once only those that may be taken are read
 * and stored (the count under the site's lock, when the import is created, still decides). Places
 * are counted per instance; a site's counter is kept once made (one small object per site).
 */
@ApplicationScoped
public class UploadsUnderWay {

  private final ConcurrentHashMap<Long, AtomicInteger> bySite = new ConcurrentHashMap<>();

  /**
   * Takes a place for an upload of the site when fewer than {@code room} of its uploads are under
   * way here; false (nothing taken) otherwise. A place taken is given back with {@link #give}.
   */
  public boolean take(long siteId, long room) {
    AtomicInteger places = bySite.computeIfAbsent(siteId, site -> new AtomicInteger());
    while (true) {
      int taken = places.get();
      if (taken >= room) {
        return false;
      }
      if (places.compareAndSet(taken, taken + 1)) {
        return true;
      }
    }
  }

  /** Gives back a place {@link #take} gave. */
  public void give(long siteId) {
    AtomicInteger places = bySite.get(siteId);
    if (places == null || places.getAndDecrement() <= 0) {
      throw new IllegalStateException("No upload of site " + siteId + " was under way");
    }
  }

  /** The uploads of the site under way here. */
  public int underWay(long siteId) {
    AtomicInteger places = bySite.get(siteId);
    return places == null ? 0 : places.get();
  }
}
