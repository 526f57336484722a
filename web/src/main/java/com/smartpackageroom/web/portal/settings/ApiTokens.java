package com.smartpackageroom.web.portal.settings;

import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.account.ApiTokenView;
import com.smartpackageroom.ejb.account.StaffView;
import com.smartpackageroom.web.portal.FieldErrors;
import com.smartpackageroom.web.portal.FieldErrors.Field;
import com.smartpackageroom.web.portal.Messages;
import com.smartpackageroom.web.portal.PortalUser;
import com.smartpackageroom.web.portal.useradmin.StaffList;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API tokens (administrators, as the API allows): create one for an account (the token shown once,
 * with a copy button), list them, revoke one. The same service as /api/v1/api-tokens.
 */
@Named
@ViewScoped
public class ApiTokens implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static final Map<String, Field> FIELDS =
      Map.of(
          "name", new Field("create:tokenName", "Token name"),
          "accountId", new Field("create:account", "Account"));

  @EJB AccountService accounts;
  @Inject PortalUser me;

  private List<ApiTokenView> tokens = List.of();
  private Map<Long, String> accountNames = Map.of();
  private Map<Long, String> accountLabels = Map.of();
  private String name;
  private Long accountId;
  private ApiTokenView withToken;
  private ApiTokenView chosen;

  /** On opening: a role that may not manage API tokens is sent back to the Dashboard. */
  public void load() {
    try {
      tokens = accounts.apiTokens(me.caller());
      Map<Long, String> names = new LinkedHashMap<>();
      Map<Long, String> labels = new LinkedHashMap<>();
      List<StaffView> people = new java.util.ArrayList<>(accounts.administrators(me.caller()));
      if (me.getSiteId() != null) {
        people.addAll(accounts.staffOf(me.caller(), me.getSiteId()));
      }
      for (StaffView person : people) {
        names.put(
            person.id(),
            person.firstName()
                + " "
                + person.lastName()
                + " ("
                + StaffList.roleName(person.role())
                + ")");
        labels.put(person.id(), label(person));
      }
      accountNames = names;
      accountLabels = labels;
      if (accountId == null) {
        accountId = me.caller().accountId();
      }
    } catch (DomainException e) {
      Messages.errorAfterRedirect("API tokens are for administrators.");
      FacesContext context = FacesContext.getCurrentInstance();
      context
          .getApplication()
          .getNavigationHandler()
          .handleNavigation(context, null, "/dashboard/index.xhtml?faces-redirect=true");
    }
  }

  private static String label(StaffView person) {
    return person.firstName()
        + " "
        + person.lastName()
        + " ("
        + StaffList.roleName(person.role())
        + ", "
        + person.email()
        + ")";
  }

  public void create() {
    try {
      withToken = accounts.createApiToken(me.caller(), accountId, name);
      name = null;
      tokens = accounts.apiTokens(me.caller());
    } catch (DomainException e) {
      FieldErrors.show(e, FIELDS, "create:tokenName");
    }
  }

  public void choose(ApiTokenView token) {
    chosen = token;
  }

  public void revoke() {
    if (chosen == null) {
      return;
    }
    try {
      accounts.revokeApiToken(me.caller(), chosen.id());
      Messages.info(null, "The token " + chosen.name() + " is revoked: the API refuses it now.");
      tokens = accounts.apiTokens(me.caller());
    } catch (DomainException e) {
      Messages.error(null, e.getMessage());
    }
    chosen = null;
  }

  /** The token shown once is forgotten when it is closed. */
  public void forgetToken() {
    withToken = null;
  }

  public String accountName(Long id) {
    return accountNames.getOrDefault(id, "Account " + id);
  }

  public String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant.atZone(ZoneId.of("UTC"))) + " UTC";
  }

  public List<SelectItem> getAccounts() {
    return accountLabels.entrySet().stream()
        .map(e -> new SelectItem(e.getKey(), e.getValue()))
        .toList();
  }

  public List<ApiTokenView> getTokens() {
    return tokens;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public ApiTokenView getWithToken() {
    return withToken;
  }

  public ApiTokenView getChosen() {
    return chosen;
  }
}
