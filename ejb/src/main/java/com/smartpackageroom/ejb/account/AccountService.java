package com.smartpackageroom.ejb.account;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.account.AccountInvitation;
import com.smartpackageroom.domain.account.ApiToken;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.Outbox;
import com.smartpackageroom.ejb.platform.Fields;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Portal accounts: staff and property managers invited to a site, administrators, API tokens. */
@Stateless
public class AccountService {

  static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Outbox outbox;

  @Inject AccessKeyMessages messages;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.portal.base-url", defaultValue = "http://localhost:8080")
  String portalBaseUrl;

  /** Invites a staff member or property manager to a site; the invitation goes by email. */
  public StaffView inviteStaff(
      Caller caller, Long siteId, String email, String firstName, String lastName, String role) {
    Site site = guard.site(caller, siteId, Permission.MANAGE_STAFF);
    Role chosen = role == null ? Role.STAFF : staffRole(role);
    Account account = newAccount(email, firstName, lastName, chosen);
    account.addSite(site);
    em.persist(account);
    em.flush();
    invite(caller, site, account);
    return StaffView.of(account);
  }

  public List<StaffView> staffOf(Caller caller, Long siteId) {
    guard.site(caller, siteId, Permission.VIEW_STAFF);
    return em
        .createQuery(
            "SELECT a FROM Account a JOIN a.sites s WHERE s.id = :site AND a.role <> :admin"
                + " ORDER BY a.lastName, a.firstName, a.id",
            Account.class)
        .setParameter("site", siteId)
        .setParameter("admin", Role.ADMINISTRATOR)
        .getResultList()
        .stream()
        .map(StaffView::of)
        .toList();
  }

  public StaffView staffMember(Caller caller, Long siteId, Long id) {
    guard.site(caller, siteId, Permission.VIEW_SITE);
    Account account = id == null ? null : em.find(Account.class, id);
    if (account == null
        || account.getRole() == Role.ADMINISTRATOR
        || !account.getSiteIds().contains(siteId)) {
      if (account != null && account.getRole() != Role.ADMINISTRATOR) {
        // a staff member of other sites only: theirs to see, not this site's
        guard.checkAny(caller, account.getSiteIds(), Permission.VIEW_STAFF);
      }
      throw DomainException.notFound("There is no staff member " + id + " at site " + siteId);
    }
    if (!caller.is(id)) {
      guard.check(caller, siteId, Permission.VIEW_STAFF);
    }
    return StaffView.of(account);
  }

  /** An administrator of the whole installation. */
  public StaffView createAdministrator(
      Caller caller, String email, String firstName, String lastName) {
    guard.require(caller, Permission.MANAGE_ADMINISTRATORS);
    Account account = newAccount(email, firstName, lastName, Role.ADMINISTRATOR);
    em.persist(account);
    em.flush();
    return StaffView.of(account);
  }

  public ApiTokenView createApiToken(Caller caller, Long accountId, String name) {
    guard.require(caller, Permission.MANAGE_API_TOKENS);
    if (accountId == null) {
      throw DomainException.invalid("accountId is required");
    }
    Account account = em.find(Account.class, accountId);
    if (account == null) {
      throw DomainException.notFound("There is no account " + accountId);
    }
    String token = Tokens.random("spr_", 32);
    ApiToken apiToken =
        new ApiToken(
            account, Fields.required("name", name, 200), Tokens.sha256(token), Times.now(clock));
    em.persist(apiToken);
    em.flush();
    audit.record(
        null,
        AuditEventType.API_TOKEN_CREATED,
        caller.actor(),
        null,
        "token " + apiToken.getId() + " for account " + accountId);
    return ApiTokenView.of(apiToken, token);
  }

  public List<ApiTokenView> apiTokens(Caller caller) {
    guard.require(caller, Permission.MANAGE_API_TOKENS);
    return em
        .createQuery("SELECT t FROM ApiToken t ORDER BY t.id", ApiToken.class)
        .getResultList()
        .stream()
        .map(t -> ApiTokenView.of(t, null))
        .toList();
  }

  public void revokeApiToken(Caller caller, Long tokenId) {
    guard.require(caller, Permission.MANAGE_API_TOKENS);
    ApiToken token = tokenId == null ? null : em.find(ApiToken.class, tokenId);
    if (token == null) {
      throw DomainException.notFound("There is no API token " + tokenId);
    }
    token.revoke(Times.now(clock));
    audit.record(null, AuditEventType.API_TOKEN_REVOKED, caller.actor(), null, "token " + tokenId);
  }

  private Account newAccount(String email, String firstName, String lastName, Role role) {
    String address = Fields.optionalEmail("email", email);
    if (address == null) {
      throw DomainException.invalid("email is required");
    }
    boolean taken =
        !em.createQuery("SELECT a.id FROM Account a WHERE a.email = :email", Long.class)
            .setParameter("email", address)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw DomainException.conflict(
          "email-in-use", "An account with this email address exists already");
    }
    return new Account(
        address,
        Fields.required("firstName", firstName, 100),
        Fields.required("lastName", lastName, 100),
        role,
        Times.now(clock));
  }

  private void invite(Caller caller, Site site, Account account) {
    String token = Tokens.random("", 32);
    OffsetDateTime now = Times.now(clock);
    em.persist(new AccountInvitation(Tokens.sha256(token), account, now.plus(INVITATION_VALIDITY)));
    String link = portalBaseUrl.replaceAll("/+$", "") + "/invitation.xhtml?token=" + token;
    outbox.enqueue(
        site.getId(),
        NotificationKind.INVITATION,
        Channel.EMAIL,
        account.getEmail(),
        messages.invitation(site.getName(), account.getFirstName(), link),
        null);
    audit.record(
        site.getId(),
        AuditEventType.STAFF_INVITED,
        caller.actor(),
        null,
        "account " + account.getId() + " as " + account.getRole());
  }

  private static Role staffRole(String raw) {
    try {
      Role role = Role.valueOf(raw.strip().toUpperCase(Locale.ROOT));
      if (role != Role.ADMINISTRATOR) {
        return role;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw DomainException.invalid("role must be STAFF or PROPERTY_MANAGER");
  }
}
