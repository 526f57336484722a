package com.smartpackageroom.ejb.accesskey;

import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.courier.Courier;
import com.smartpackageroom.domain.recipient.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/** Finds a key's holder among recipients, couriers and staff. */
@ApplicationScoped
public class Holders {

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  public static Holder of(Recipient r) {
    return new Holder(
        HolderKind.RECIPIENT,
        r.getId(),
        r.getSiteId(),
        r.getDisplayName(),
        r.isActive(),
        r.getEmail(),
        r.getPhone());
  }

  /** The holder; for staff, {@code siteId} is the site the question is asked for. */
  public Optional<Holder> find(HolderKind kind, Long id, Long siteId) {
    if (id == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case RECIPIENT -> Optional.ofNullable(em.find(Recipient.class, id)).map(Holders::of);
      case COURIER ->
          Optional.ofNullable(em.find(Courier.class, id))
              .map(
                  c ->
                      new Holder(
                          kind,
                          c.getId(),
                          c.getSiteId(),
                          c.getName(),
                          true,
                          c.getEmail(),
                          c.getPhone()));
      case STAFF ->
          Optional.ofNullable(em.find(Account.class, id))
              .filter(a -> a.getSiteIds().contains(siteId))
              .map(
                  a ->
                      new Holder(
                          kind,
                          a.getId(),
                          siteId,
                          a.getDisplayName(),
                          a.isEnabled(),
                          a.getEmail(),
                          null));
    };
  }

  /** The sites of a staff member (none for any other kind of holder, or an unknown id). */
  public Set<Long> sitesOfStaff(HolderKind kind, Long id) {
    if (kind != HolderKind.STAFF || id == null) {
      return Set.of();
    }
    Account account = em.find(Account.class, id);
    return account == null ? Set.of() : Set.copyOf(account.getSiteIds());
  }
}
