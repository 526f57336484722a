package com.smartpackageroom.web.management;

import com.smartpackageroom.ejb.notification.NotificationService;
import com.smartpackageroom.ejb.notification.NotificationView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A message of the outbox, sent again by staff once its contact is corrected. */
@Path("v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource extends ManagementResource {

  @EJB NotificationService notifications;

  /**
   * Sends a FAILED message again to its holder's current address (202 with the new message, which
   * the outbox delivers); 409 notification-not-resendable otherwise.
   */
  @POST
  @Path("{notificationId}/resend")
  public Response resendNotification(@PathParam("notificationId") Long notificationId) {
    NotificationView again = notifications.resend(caller(), notificationId);
    return Response.accepted(again).build();
  }
}
