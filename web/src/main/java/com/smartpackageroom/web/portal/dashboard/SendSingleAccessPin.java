package com.smartpackageroom.web.portal.dashboard;

import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.recipient.RecipientStatus;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.PageRequest;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.notification.NotifyVia;
import com.smartpackageroom.ejb.recipient.RecipientService;
import com.smartpackageroom.ejb.recipient.RecipientView;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Seed 002, Quick Actions: "Send Single Access PIN" opens "Generate One-Time Access Key": "Select
 * Recipient" (name, unit, email or phone), "Show more options" ("Send notification via", the
 * expiry), "Generate". The expiry shown is the service's default for the site (its single access
 * PIN validity, {@link AccessKeyService#defaultSingleAccessExpiry}); left as it is, the service
 * applies its default at Generate, as the API does when no expiry is given.
 */
@Named
@ViewScoped
public class SendSingleAccessPin implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SUGGESTIONS = 10;

  @EJB RecipientService recipients;
  @EJB AccessKeyService keys;
  @Inject PortalUser me;

  private RecipientView recipient;
  private boolean moreOptions;
  private NotifyVia via = NotifyVia.EMAIL;
  private LocalDateTime expiresAt;

  /** The default expiry the dialog showed when it opened; an unchanged field means "default". */
  private LocalDateTime shownDefault;

  private String timeZone;
  private final java.util.Map<String, RecipientView> suggested = new java.util.HashMap<>();

  /** The autocomplete's values: a suggestion's id stands for it in the page. */
  private final RecipientConverter converter = new RecipientConverter();

  final class RecipientConverter
      implements jakarta.faces.convert.Converter<RecipientView>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public RecipientView getAsObject(
        jakarta.faces.context.FacesContext context,
        jakarta.faces.component.UIComponent component,
        String value) {
      return value == null ? null : suggested.get(value);
    }

    @Override
    public String getAsString(
        jakarta.faces.context.FacesContext context,
        jakarta.faces.component.UIComponent component,
        RecipientView value) {
      return value == null ? "" : value.id().toString();
    }
  }

  public RecipientConverter getConverter() {
    return converter;
  }

  /** Opens the dialog afresh. */
  public void open() {
    recipient = null;
    moreOptions = false;
    via = NotifyVia.EMAIL;
    timeZone = siteTimeZone();
    try {
      shownDefault =
          LocalDateTime.ofInstant(
                  keys.defaultSingleAccessExpiry(me.caller(), me.getSiteId()), ZoneId.of(timeZone))
              .withSecond(0)
              .withNano(0);
    } catch (DomainException e) {
      shownDefault = null;
      Messages.error(null, e.getMessage());
    }
    expiresAt = shownDefault;
  }

  /**
   * Opens the dialog for a recipient already chosen (the Shield of the Recipient Detail View), with
   * its options shown (seed 002's Recipients path).
   */
  public void openFor(RecipientView chosen) {
    open();
    recipient = chosen;
    suggested.put(chosen.id().toString(), chosen);
    moreOptions = true;
  }

  /** "Select Recipient": the site's current residents whose name, unit, email or phone match. */
  public List<RecipientView> complete(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    try {
      return recipients
          .search(
              me.caller(),
              me.getSiteId(),
              query,
              RecipientStatus.ACTIVE,
              new PageRequest(0, SUGGESTIONS))
          .items()
          .stream()
          .peek(r -> suggested.put(r.id().toString(), r))
          .toList();
    } catch (DomainException e) {
      if (!"invalid-request".equals(e.code())) {
        throw e;
      }
      // text no recipient's name can hold (a control character, hundreds of characters)
      return List.of();
    }
  }

  public void showMoreOptions() {
    moreOptions = true;
  }

  /** "Generate". */
  public void generate() {
    if (recipient == null) {
      Messages.error("sapForm:recipient", "Select a recipient");
      return;
    }
    try {
      // the field as it was shown: the service's default, counted from now
      Instant expiry =
          expiresAt == null || expiresAt.equals(shownDefault)
              ? null
              : expiresAt.atZone(ZoneId.of(siteTimeZone())).toInstant();
      List<Channel> went =
          keys.sendSingleAccessPinBy(me.caller(), me.getSiteId(), recipient.id(), via, expiry)
              .channels();
      // the ways it went: Both sends only those the recipient has
      Messages.info(
          null,
          "A single access PIN was sent to "
              + recipient.firstName()
              + " "
              + recipient.lastName()
              + " by "
              + (went.size() == 2 ? "email and SMS" : went.contains(Channel.SMS) ? "SMS" : "email")
              + (via == NotifyVia.BOTH && went.size() < 2
                  ? " (the only way the recipient can be reached)"
                  : "")
              + ".");
      org.primefaces.PrimeFaces.current().executeScript("PF('sapDialog').hide()");
      open();
    } catch (DomainException e) {
      String field =
          e.getMessage() != null && e.getMessage().startsWith("expiresAt")
              ? "sapForm:expiresAt"
              : "sapForm:recipient";
      Messages.error(field, e.getMessage().replace("expiresAt", "The expiry"));
    }
  }

  private String siteTimeZone() {
    Long site = me.getSiteId();
    return me.getSites().stream()
        .filter(s -> s.id().equals(site))
        .map(s -> s.timeZone())
        .findFirst()
        .orElse("UTC");
  }

  public String label(RecipientView r) {
    if (r == null) {
      return "";
    }
    return r.firstName() + " " + r.lastName() + ", unit " + r.unit();
  }

  public NotifyVia[] getChannels() {
    return NotifyVia.values();
  }

  public RecipientView getRecipient() {
    return recipient;
  }

  public void setRecipient(RecipientView recipient) {
    this.recipient = recipient;
  }

  public boolean isMoreOptions() {
    return moreOptions;
  }

  public NotifyVia getVia() {
    return via;
  }

  public void setVia(NotifyVia via) {
    this.via = via;
  }

  public LocalDateTime getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(LocalDateTime expiresAt) {
    this.expiresAt = expiresAt;
  }

  public String getTimeZone() {
    return timeZone;
  }
}
