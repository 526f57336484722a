package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.ejb.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/**
 * A site's row lock, held until the transaction ends, so that a site's limits (Request PIN's
 * budgets and per-contact count) are counted by one request at a time. On PostgreSQL it is taken
 * FOR NO KEY UPDATE: rows that refer to the site (new keys, recipients, imports) take KEY SHARE
 * locks on it, which FOR UPDATE would block, making a Request PIN wait behind an import and
 * deadlock with a key-card assignment at the same kiosk.
 */
@ApplicationScoped
public class SiteLocks {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/spr")
  DataSource dataSource;

  private volatile String lockClause;

  public void lock(long siteId) {
    em.createNativeQuery("SELECT id FROM site WHERE id = ? " + lockClause())
        .setParameter(1, siteId)
        .getResultList();
  }

  private String lockClause() {
    String clause = lockClause;
    if (clause == null) {
      clause = Database.isPostgres(dataSource) ? "FOR NO KEY UPDATE" : "FOR UPDATE";
      lockClause = clause;
    }
    return clause;
  }
}
