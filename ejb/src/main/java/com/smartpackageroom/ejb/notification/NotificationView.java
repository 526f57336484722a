package com.smartpackageroom.ejb.notification;

import com.smartpackageroom.domain.notification.Notification;
import com.smartpackageroom.domain.notification.NotificationStatus;
import com.smartpackageroom.ejb.platform.Times;
import java.time.Instant;

/**
 * A message's delivery status as staff see it: never its body. {@code lastError} says why the last
 * try failed (for a FAILED message, why it was given up); {@code resentAs} is the message that sent
 * a failed one again.
 */
public record NotificationView(
    Long id,
    String channel,
    String to,
    String kind,
    String status,
    int attempts,
    Instant createdAt,
    Instant sentAt,
    Instant nextAttemptAt,
    String lastError,
    Long resentAs) {

  public static NotificationView of(Notification n) {
    return new NotificationView(
        n.getId(),
        n.getChannel().name(),
        n.getAddress(),
        n.getKind().name(),
        n.getStatus().name(),
        n.getAttempts(),
        Times.instant(n.getCreatedAt()),
        Times.instant(n.getSentAt()),
        n.getStatus() == NotificationStatus.PENDING ? Times.instant(n.getNextAttemptAt()) : null,
        n.getLastError(),
        n.getResentAs());
  }
}
