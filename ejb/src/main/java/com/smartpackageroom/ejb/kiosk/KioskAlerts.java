package com.smartpackageroom.ejb.kiosk;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.kiosk.Kiosk;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.Message;
import com.smartpackageroom.ejb.notification.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Tells a site's property managers (through the outbox, in the caller's transaction) that someone
 * may be guessing at a kiosk; each alert is audited.
 */
@ApplicationScoped
public class KioskAlerts {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Outbox outbox;

  @Inject AccessKeyMessages messages;

  public void failuresInARow(Kiosk kiosk, int failures) {
    alert(
        kiosk,
        failures + " failed attempts in a row",
        messages.kioskAlert(kiosk.getSite(), kiosk.getName(), failures));
  }

  public void budgetSpent(Kiosk kiosk, int failures, OffsetDateTime until) {
    String local =
        until.atZoneSameInstant(kiosk.getSite().getTimeZone()).format(WHEN)
            + " ("
            + kiosk.getSite().getTimeZone().getId()
            + ")";
    alert(
        kiosk,
        failures + " failed attempts within 24 hours: refused until " + until,
        messages.kioskBudgetSpent(kiosk.getSite(), kiosk.getName(), failures, local));
  }

  private void alert(Kiosk kiosk, String what, Message message) {
    audit.record(
        kiosk.getSiteId(),
        AuditEventType.KIOSK_ALERT,
        KioskTokens.actor(kiosk),
        kiosk.getId(),
        what);
    for (Account manager :
        em.createQuery(
                "SELECT a FROM Account a JOIN a.sites s WHERE s.id = :site AND a.role = :role",
                Account.class)
            .setParameter("site", kiosk.getSiteId())
            .setParameter("role", Role.PROPERTY_MANAGER)
            .getResultList()) {
      if (manager.isEnabled()) {
        outbox.enqueue(
            kiosk.getSiteId(),
            NotificationKind.KIOSK_ALERT,
            Channel.EMAIL,
            manager.getEmail(),
            message,
            null);
      }
    }
  }
}
