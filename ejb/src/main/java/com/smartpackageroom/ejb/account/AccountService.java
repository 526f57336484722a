package com.smartpackageroom.ejb.account;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.account.AccountInvitation;
import com.smartpackageroom.domain.account.AccountStatus;
import com.smartpackageroom.domain.account.ApiToken;
import com.smartpackageroom.domain.account.LinkPurpose;
import com.smartpackageroom.domain.account.PasswordPolicy;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.site.Site;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.notification.AccessKeyMessages;
import com.smartpackageroom.ejb.notification.AccountMessages;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Portal accounts: staff and property managers invited to a site, administrators, API tokens. */
@Stateless
public class AccountService {

  /** Password resets asked for one account within an hour, beyond which none is sent. */
  static final int RESETS_PER_HOUR = 3;

  static final String LINK_UNUSABLE =
      "This link has expired or was used already. Ask for a new one.";

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject SiteGuard guard;

  @Inject Outbox outbox;

  @Inject AccessKeyMessages messages;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject Passwords passwords;

  @Inject AccountMessages accountMessages;

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

  /**
   * "Resend invitation": a new invitation email to a staff member of the site who has not set a
   * password yet (the earlier links keep working until they expire).
   */
  public StaffView resendInvitation(Caller caller, Long siteId, Long id) {
    Site site = guard.site(caller, siteId, Permission.MANAGE_STAFF);
    Account account = staffAt(caller, siteId, id);
    if (account.getStatus() != AccountStatus.INVITED) {
      throw DomainException.conflict(
          "invitation-accepted",
          account.getStatus() == AccountStatus.DISABLED
              ? "This account is disabled: enable it before inviting again"
              : "This person has set a password already: no invitation is needed");
    }
    sendInvitation(site.getId(), site.getName(), account);
    audit.record(siteId, AuditEventType.INVITATION_RESENT, caller.actor(), null, "account " + id);
    return StaffView.of(account);
  }

  /**
   * A staff member of the site disabled (no sign-in, emailed link, API token or key of theirs
   * works) or enabled again. Nobody disables their own account.
   */
  public StaffView setEnabled(Caller caller, Long siteId, Long id, boolean enabled) {
    guard.site(caller, siteId, Permission.MANAGE_STAFF);
    Account account = staffAt(caller, siteId, id);
    if (caller.is(id)) {
      throw DomainException.conflict(
          "own-account", "You cannot disable or enable your own account");
    }
    if (enabled != account.isEnabled()) {
      if (enabled) {
        account.enable();
      } else {
        account.disable();
      }
      audit.record(
          siteId,
          enabled ? AuditEventType.ACCOUNT_ENABLED : AuditEventType.ACCOUNT_DISABLED,
          caller.actor(),
          null,
          "account " + id);
    }
    return StaffView.of(account);
  }

  /** A staff member or property manager of the site; any other account is not found there. */
  private Account staffAt(Caller caller, Long siteId, Long id) {
    staffMember(caller, siteId, id);
    return em.find(Account.class, id);
  }

  /** An administrator of the whole installation, invited by email to set a password. */
  public StaffView createAdministrator(
      Caller caller, String email, String firstName, String lastName) {
    guard.require(caller, Permission.MANAGE_ADMINISTRATORS);
    Account account = newAccount(email, firstName, lastName, Role.ADMINISTRATOR);
    em.persist(account);
    em.flush();
    sendInvitation(null, "Smart Package Room", account);
    audit.record(
        null,
        AuditEventType.STAFF_INVITED,
        caller.actor(),
        null,
        "account " + account.getId() + " as " + account.getRole());
    return StaffView.of(account);
  }

  /** The installation's administrators. */
  public List<StaffView> administrators(Caller caller) {
    guard.require(caller, Permission.MANAGE_ADMINISTRATORS);
    return em
        .createQuery(
            "SELECT a FROM Account a WHERE a.role = :admin ORDER BY a.lastName, a.firstName, a.id",
            Account.class)
        .setParameter("admin", Role.ADMINISTRATOR)
        .getResultList()
        .stream()
        .map(StaffView::of)
        .toList();
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
    sendInvitation(site.getId(), site.getName(), account);
    audit.record(
        site.getId(),
        AuditEventType.STAFF_INVITED,
        caller.actor(),
        null,
        "account " + account.getId() + " as " + account.getRole());
  }

  private void sendInvitation(Long siteId, String siteName, Account account) {
    String token = Tokens.random("", 32);
    OffsetDateTime now = Times.now(clock);
    em.persist(
        new AccountInvitation(
            Tokens.sha256(token),
            account,
            now.plus(LinkPurpose.INVITATION.validity()),
            LinkPurpose.INVITATION));
    String link = link("/signin/password.xhtml", token);
    outbox.enqueue(
        siteId,
        NotificationKind.INVITATION,
        Channel.EMAIL,
        account.getEmail(),
        messages.invitation(siteName, account.getFirstName(), link),
        null);
  }

  /** My Account. */
  public AccountView myAccount(Caller caller) {
    return AccountView.of(own(caller));
  }

  /** Whose an emailed link is, while it works. */
  public LinkView link(String token) {
    AccountInvitation link = usableLink(token);
    return new LinkView(
        link.getPurpose().name(), link.getAccount().getEmail(), link.getAccount().getFirstName());
  }

  /**
   * An invitation accepted or a password reset: the new password, which also confirms the email the
   * link came by. The link works once.
   */
  public void setPasswordByLink(String token, String password) {
    AccountInvitation link = usableLink(token);
    if (link.getPurpose() == LinkPurpose.EMAIL_CONFIRMATION) {
      throw DomainException.invalid(LINK_UNUSABLE);
    }
    Account account = link.getAccount();
    PasswordPolicy.check(password, account.getEmail());
    OffsetDateTime now = Times.now(clock);
    account.setPassword(passwords.hash(password), now, true);
    link.use(now);
    audit.record(
        null,
        AuditEventType.PASSWORD_SET,
        "account:" + account.getId(),
        null,
        link.getPurpose() == LinkPurpose.INVITATION ? "invitation accepted" : "password reset");
  }

  /**
   * "Forgot password?": a reset link by email when the address has an account. The caller is told
   * the same either way, so the answer says nothing about who has an account.
   */
  public void requestPasswordReset(String email) {
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    Account account =
        em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
            .setParameter("email", address)
            .getResultStream()
            .findFirst()
            .filter(Account::isEnabled)
            .orElse(null);
    if (account == null) {
      return;
    }
    OffsetDateTime now = Times.now(clock);
    long recent =
        em.createQuery(
                "SELECT COUNT(l) FROM AccountInvitation l WHERE l.account = :account"
                    + " AND l.purpose = :purpose AND l.expiresAt > :now",
                Long.class)
            .setParameter("account", account)
            .setParameter("purpose", LinkPurpose.PASSWORD_RESET)
            .setParameter("now", now)
            .getSingleResult();
    if (recent >= RESETS_PER_HOUR) {
      return; // enough links are on their way; more would only fill the inbox
    }
    String token = Tokens.random("", 32);
    em.persist(
        new AccountInvitation(
            Tokens.sha256(token),
            account,
            now.plus(LinkPurpose.PASSWORD_RESET.validity()),
            LinkPurpose.PASSWORD_RESET));
    outbox.enqueue(
        null,
        NotificationKind.PASSWORD_RESET,
        Channel.EMAIL,
        account.getEmail(),
        accountMessages.passwordReset(
            account.getFirstName(), link("/signin/password.xhtml", token)),
        null);
    audit.record(
        null, AuditEventType.PASSWORD_RESET_REQUESTED, "account:" + account.getId(), null, null);
  }

  /** "Confirm Email": a link to the account's address that confirms it when opened. */
  public void sendEmailConfirmation(Caller caller) {
    Account account = own(caller);
    String token = Tokens.random("", 32);
    OffsetDateTime now = Times.now(clock);
    em.persist(
        new AccountInvitation(
            Tokens.sha256(token),
            account,
            now.plus(LinkPurpose.EMAIL_CONFIRMATION.validity()),
            LinkPurpose.EMAIL_CONFIRMATION));
    outbox.enqueue(
        null,
        NotificationKind.EMAIL_CONFIRMATION,
        Channel.EMAIL,
        account.getEmail(),
        accountMessages.emailConfirmation(
            account.getFirstName(), link("/signin/confirm-email.xhtml", token)),
        null);
    audit.record(null, AuditEventType.EMAIL_CONFIRMATION_SENT, caller.actor(), null, null);
  }

  public LinkView confirmEmail(String token) {
    AccountInvitation link = usableLink(token);
    if (link.getPurpose() != LinkPurpose.EMAIL_CONFIRMATION) {
      throw DomainException.invalid(LINK_UNUSABLE);
    }
    OffsetDateTime now = Times.now(clock);
    link.getAccount().confirmEmail(now);
    link.use(now);
    audit.record(
        null, AuditEventType.EMAIL_CONFIRMED, "account:" + link.getAccount().getId(), null, null);
    return new LinkView(
        link.getPurpose().name(), link.getAccount().getEmail(), link.getAccount().getFirstName());
  }

  /** My Account: a new password, given the current one. */
  public void changePassword(Caller caller, String current, String next) {
    Account account = own(caller);
    if (!passwords.matches(current, account.getPasswordHash())) {
      throw new DomainException(
          com.smartpackageroom.domain.shared.Reason.INVALID,
          "wrong-password",
          "The current password is not right");
    }
    PasswordPolicy.check(next, account.getEmail());
    account.setPassword(passwords.hash(next), Times.now(clock), false);
    audit.record(null, AuditEventType.PASSWORD_SET, caller.actor(), null, "changed");
  }

  /**
   * An account that can sign in at once, for the start-up's administrator and the demo: its
   * password is set here, not through an emailed link. Does nothing when the email has an account.
   *
   * @return the new account's id, or null when the email has an account already
   */
  public Long createWithPassword(
      Caller caller,
      String email,
      String firstName,
      String lastName,
      Role role,
      Long siteId,
      String password) {
    String address = Fields.optionalEmail("email", email);
    boolean exists =
        !em.createQuery("SELECT a.id FROM Account a WHERE a.email = :email", Long.class)
            .setParameter("email", address)
            .getResultList()
            .isEmpty();
    if (exists) {
      return null;
    }
    PasswordPolicy.check(password, address);
    Account account = newAccount(address, firstName, lastName, role);
    if (siteId != null) {
      account.addSite(guard.site(caller, siteId, Permission.MANAGE_STAFF));
    }
    account.setPassword(passwords.hash(password), Times.now(clock), false);
    em.persist(account);
    em.flush();
    audit.record(
        siteId,
        AuditEventType.ACCOUNT_CREATED,
        caller.actor(),
        null,
        "account " + account.getId() + " as " + role);
    return account.getId();
  }

  private AccountInvitation usableLink(String token) {
    AccountInvitation link =
        token == null || token.isBlank() || token.length() > 200
            ? null
            : em.find(AccountInvitation.class, Tokens.sha256(token.strip()));
    if (link == null || !link.isUsable(Times.now(clock)) || !link.getAccount().isEnabled()) {
      throw new DomainException(
          com.smartpackageroom.domain.shared.Reason.NOT_FOUND, "link-unusable", LINK_UNUSABLE);
    }
    return link;
  }

  private Account own(Caller caller) {
    Account account =
        caller.accountId() == null ? null : em.find(Account.class, caller.accountId());
    if (account == null) {
      throw DomainException.forbidden("Only a person's account has a My Account page");
    }
    return account;
  }

  private String link(String page, String token) {
    return portalBaseUrl.replaceAll("/+$", "") + page + "?token=" + token;
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
