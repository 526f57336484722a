package com.smartpackageroom.ejb.limit;

import com.smartpackageroom.domain.limit.CountedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Events counted against limits over rolling windows, in the caller's transaction. A limit that
 * must hold under parallel requests is counted under a row lock the caller holds (the kiosk's, the
 * account's), so that counting and recording cannot interleave.
 */
@ApplicationScoped
public class CountedEvents {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  public void record(CountedEvent.Kind kind, String subject, OffsetDateTime at) {
    em.persist(new CountedEvent(kind, subject, at));
    em.flush();
  }

  /** The times of a subject's events after {@code since}, oldest first. */
  public List<OffsetDateTime> since(CountedEvent.Kind kind, String subject, OffsetDateTime since) {
    return em.createQuery(
            "SELECT e.at FROM CountedEvent e WHERE e.kind = :kind AND e.subject = :subject"
                + " AND e.at > :since ORDER BY e.at",
            OffsetDateTime.class)
        .setParameter("kind", kind)
        .setParameter("subject", subject)
        .setParameter("since", since)
        .getResultList();
  }

  public long count(CountedEvent.Kind kind, String subject, OffsetDateTime since) {
    return em.createQuery(
            "SELECT COUNT(e) FROM CountedEvent e WHERE e.kind = :kind AND e.subject = :subject"
                + " AND e.at > :since",
            Long.class)
        .setParameter("kind", kind)
        .setParameter("subject", subject)
        .setParameter("since", since)
        .getSingleResult();
  }

  /** Forgets a subject's events (a kiosk's failures cleared by a manager). */
  public void clear(CountedEvent.Kind kind, String subject) {
    em.createQuery("DELETE FROM CountedEvent e WHERE e.kind = :kind AND e.subject = :subject")
        .setParameter("kind", kind)
        .setParameter("subject", subject)
        .executeUpdate();
  }

  /** Removes events older than any window; returns how many. */
  public int removeBefore(OffsetDateTime before) {
    return em.createQuery("DELETE FROM CountedEvent e WHERE e.at < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
