package com.smartpackageroom.web.portal.notifications;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Page;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.notification.NotificationQueries;
import com.smartpackageroom.ejb.notification.NotificationService;
import com.smartpackageroom.ejb.notification.NotificationView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PagedModel;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.SiteTimes;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * Notifications (property managers and administrators): the site's outbox, newest first, filtered
 * by status and address as GET /api/v1/sites/{id}/notifications filters it, and "Send again" for a
 * FAILED message (NotificationService.resend, as POST /api/v1/notifications/{id}/resend; its
 * refusals are shown as they are).
 */
@Named
@ViewScoped
public class NotificationCenter implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB NotificationQueries queries;
  @EJB NotificationService notifications;
  @Inject PortalUser me;

  private String status;
  private String address;
  private String appliedStatus;
  private String appliedAddress;

  private final LazyDataModel<NotificationView> model =
      new PagedModel<>(this::page, row -> row.id());

  private Page<NotificationView> page(int number, int size) {
    if (me.getSiteId() == null) {
      return new Page<>(List.of(), 0, number, size);
    }
    try {
      return queries.list(
          me.caller(),
          me.getSiteId(),
          appliedAddress,
          appliedStatus,
          new PageRequest(number, size));
    } catch (DomainException e) {
      if (!"invalid-request".equals(e.code())) {
        throw e;
      }
      // an address the service refuses (said beside the field by search()): nothing found
      return new Page<>(List.of(), 0, number, size);
    }
  }

  /**
   * On opening: everyone of the site sees its messages' status (PRODUCT.md: "staff can see each
   * message's status"; Send again is the service's to allow, by what the message is about); anyone
   * the outbox refuses is sent back to the Dashboard, told why.
   */
  public void load() {
    String refused = null;
    try {
      queries.list(me.caller(), me.getSiteId(), null, null, new PageRequest(0, 1));
    } catch (DomainException e) {
      refused = e.getMessage();
    }
    if (refused != null) {
      Messages.errorAfterRedirect(refused);
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
    }
  }

  public void search() {
    try {
      NotificationQueries.addressFilter(address);
    } catch (DomainException e) {
      // a control character pasted in
      Messages.error("filters:address", e.getMessage().replaceFirst("^to ", "The address "));
    }
    appliedStatus = status == null || status.isBlank() ? null : status;
    appliedAddress = address == null || address.isBlank() ? null : address.strip();
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(":outbox:list");
    if (table != null) {
      table.setFirst(0);
    }
  }

  /** Send again: the service's rules (only a FAILED message, once, to the current contact). */
  public void resend(NotificationView message) {
    try {
      NotificationView again = notifications.resend(me.caller(), message.id());
      Messages.info(
          null,
          "Message "
              + message.id()
              + " is sent again to "
              + again.to()
              + " as message "
              + again.id()
              + ".");
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
  }

  public boolean resendable(NotificationView message) {
    return "FAILED".equals(message.status()) && message.resentAs() == null;
  }

  public String statusName(String status) {
    return switch (status) {
      case "PENDING" -> "Waiting";
      case "SENT" -> "Sent";
      case "FAILED" -> "Failed";
      default -> status;
    };
  }

  public String channelName(String channel) {
    return "SMS".equals(channel) ? "Text message" : "Email";
  }

  public String when(Instant at) {
    return SiteTimes.format(me, at);
  }

  public LazyDataModel<NotificationView> getModel() {
    return model;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }
}
