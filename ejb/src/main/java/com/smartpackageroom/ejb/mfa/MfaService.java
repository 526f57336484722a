package com.smartpackageroom.ejb.mfa;

import com.smartpackageroom.domain.account.Account;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.domain.audit.AuditEventType;
import com.smartpackageroom.domain.mfa.Base32;
import com.smartpackageroom.domain.mfa.Totp;
import com.smartpackageroom.domain.mfa.VerificationCode;
import com.smartpackageroom.domain.notification.Channel;
import com.smartpackageroom.domain.notification.NotificationKind;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.domain.shared.Reason;
import com.smartpackageroom.domain.shared.RecordedRefusal;
import com.smartpackageroom.ejb.accesskey.QrCodes;
import com.smartpackageroom.ejb.account.Passwords;
import com.smartpackageroom.ejb.audit.AuditLog;
import com.smartpackageroom.ejb.crypto.LookupHash;
import com.smartpackageroom.ejb.crypto.SecretBox;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.notification.AccountMessages;
import com.smartpackageroom.ejb.notification.Outbox;
import com.smartpackageroom.ejb.platform.Times;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.security.Permission;
import com.smartpackageroom.ejb.security.SiteGuard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's sign-in in two steps (seed 004): the password, then a 6-digit code sent by email or
 * shown by an authenticator app. Every wrong password or code counts against the account; at {@code
 * spr.portal.max-failed-sign-ins} it locks until an administrator or one of its property managers
 * unlocks it. A success clears the count.
 */
@Stateless
public class MfaService {

  static final String ISSUER = "Smart Package Room";
  static final String REFUSED = "The email address or the password is not right.";

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject Passwords passwords;
  @Inject LookupHash hashes;
  @Inject SecretBox box;
  @Inject Outbox outbox;
  @Inject AccountMessages messages;
  @Inject AuditLog audit;
  @Inject SiteGuard guard;
  @Inject QrCodes qrCodes;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "spr.portal.max-failed-sign-ins", defaultValue = "100")
  int maxFailedSignIns;

  @Inject
  @ConfigProperty(name = "spr.portal.codes-per-hour", defaultValue = "5")
  int codesPerHour;

  /**
   * Step one: "Secure Sign-In". An unknown email and a wrong password get the same answer after the
   * same work: a PBKDF2 check either way (against a hash of nothing, of the same iterations, for an
   * unknown email), and the failure's statements on the account table (a row lock, an update),
   * which for an unknown email match no row.
   */
  public PendingSignIn checkPassword(String email, String password) {
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    Account account =
        em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
            .setParameter("email", address)
            .getResultStream()
            .findFirst()
            .orElse(null);
    boolean right = passwords.matches(password, account == null ? null : account.getPasswordHash());
    if (account == null) {
      failureOfNoAccount(address);
      audit.record(null, AuditEventType.PORTAL_SIGN_IN_FAILED, "anonymous", null, "unknown email");
      throw new RecordedRefusal(Reason.UNAUTHENTICATED, "sign-in-refused", REFUSED);
    }
    if (!right) {
      throw failure(account, "wrong password", REFUSED, false);
    }
    refuseLockedOrDisabled(account);
    return new PendingSignIn(
        account.getId(),
        account.getEmail(),
        account.hasAuthenticatorApp(),
        PortalIdentity.credentials(account.getPasswordHash()));
  }

  /** "Verify your identity": a new 6-digit code by email; older codes stop working. */
  public void sendCode(PendingSignIn pending) {
    Account account = signingIn(pending);
    Long accountId = account.getId();
    OffsetDateTime now = Times.now(clock);
    long recent =
        em.createQuery(
                "SELECT COUNT(c) FROM VerificationCode c"
                    + " WHERE c.accountId = :account AND c.createdAt > :since",
                Long.class)
            .setParameter("account", accountId)
            .setParameter("since", now.minusHours(1))
            .getSingleResult();
    if (recent >= codesPerHour) {
      throw new DomainException(
          Reason.TOO_MANY_REQUESTS,
          "too-many-requests",
          "Too many codes were sent in the last hour. Use the last one, or try again later.");
    }
    String code = String.format("%06d", Tokens.secureRandom().nextInt(1_000_000));
    em.persist(new VerificationCode(accountId, codeHash(accountId, code), now));
    outbox.enqueue(
        null,
        NotificationKind.VERIFICATION_CODE,
        Channel.EMAIL,
        account.getEmail(),
        messages.verificationCode(code),
        null);
    audit.record(null, AuditEventType.VERIFICATION_CODE_SENT, actor(account), null, null);
  }

  /** "Validate Code" with the emailed code: the newest code sent, if still good. */
  public PortalIdentity validateCode(PendingSignIn pending, String typed) {
    Account account = signingIn(pending);
    Long accountId = account.getId();
    VerificationCode latest =
        em.createQuery(
                "SELECT c FROM VerificationCode c WHERE c.accountId = :account"
                    + " ORDER BY c.createdAt DESC, c.id DESC",
                VerificationCode.class)
            .setParameter("account", accountId)
            // no lock of its own: the account's row, locked above, serialises entries
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> DomainException.invalid("No code was sent yet: click your email address"));
    String clean = typed == null ? "" : typed.strip();
    boolean matches =
        clean.matches("[0-9]{6}")
            && Tokens.sameSecret(codeHash(accountId, clean), latest.getCodeHash());
    return switch (latest.enter(matches, Times.now(clock))) {
      case ACCEPTED -> signedIn(account, "emailed code");
      case WRONG -> throw failure(account, "wrong code", "The code is not right. Try again.", true);
      case EXPIRED ->
          throw failure(account, "expired code", "The code has expired: send a new one.", true);
      case SPENT ->
          throw failure(
              account, "spent code", "This code cannot be used any more: send a new one.", true);
    };
  }

  /** "Validate Code" with the authenticator app's code: each code works once. */
  public PortalIdentity validateAuthenticatorCode(PendingSignIn pending, String typed) {
    Account account = signingIn(pending);
    if (!account.hasAuthenticatorApp()) {
      throw DomainException.invalid("No authenticator app is set up for this account");
    }
    OptionalLong step =
        Totp.matchingStep(
            secretOf(account),
            typed == null ? "" : typed.strip(),
            clock.instant(),
            account.getTotpLastStep());
    if (step.isEmpty()) {
      throw failure(account, "wrong authenticator code", "The code is not right. Try again.", true);
    }
    account.authenticatorCodeUsed(step.getAsLong());
    return signedIn(account, "authenticator app");
  }

  /** Who an account is now, for a session being opened: empty once it may not sign in. */
  public PortalIdentity identity(Long accountId) {
    Account account = accountId == null ? null : em.find(Account.class, accountId);
    if (account == null || !account.maySignIn()) {
      throw new DomainException(Reason.UNAUTHENTICATED, "sign-in-refused", REFUSED);
    }
    return PortalIdentity.of(account);
  }

  public void signedOut(Caller caller) {
    audit.record(null, AuditEventType.PORTAL_SIGNED_OUT, caller.actor(), null, null);
  }

  /** My Account: a new authenticator secret, used for sign-in once a first code confirms it. */
  public AuthenticatorSetUp startAuthenticator(Caller caller) {
    Account account = own(caller);
    byte[] secret = Totp.newSecret(Tokens.secureRandom());
    account.startAuthenticatorSetUp(box.seal(Base32.encode(secret)));
    String uri = Totp.otpauthUri(ISSUER, account.getEmail(), secret);
    return new AuthenticatorSetUp(Base32.encode(secret), uri, qrCodes.png(uri, 240));
  }

  public void confirmAuthenticator(Caller caller, String typed) {
    Account account = own(caller);
    if (account.getTotpSecretEncrypted() == null) {
      throw DomainException.invalid("Start the set-up of the authenticator app first");
    }
    OptionalLong step =
        Totp.matchingStep(
            secretOf(account), typed == null ? "" : typed.strip(), clock.instant(), null);
    if (step.isEmpty()) {
      throw DomainException.invalid("The code is not right: type the code the app shows now");
    }
    account.confirmAuthenticator(step.getAsLong());
    audit.record(null, AuditEventType.AUTHENTICATOR_ENABLED, caller.actor(), null, null);
  }

  /** Removes an account's authenticator app: its owner, or an administrator for anyone. */
  public void resetAuthenticator(Caller caller, Long accountId) {
    if (!caller.is(accountId)) {
      guard.require(caller, Permission.RESET_AUTHENTICATOR);
    }
    Account account = existing(accountId);
    account.removeAuthenticator();
    audit.record(
        null, AuditEventType.AUTHENTICATOR_RESET, caller.actor(), null, "account " + accountId);
  }

  /** Unlocks an account locked by failed sign-ins: an administrator, or a manager of its sites. */
  public void unlock(Caller caller, Long accountId) {
    Account account = existing(accountId);
    if (account.getRole() == Role.ADMINISTRATOR || account.getSiteIds().isEmpty()) {
      guard.require(caller, Permission.MANAGE_ADMINISTRATORS);
    } else {
      guard.checkAny(caller, account.getSiteIds(), Permission.UNLOCK_ACCOUNTS);
    }
    account.unlock();
    audit.record(
        null, AuditEventType.ACCOUNT_UNLOCKED, caller.actor(), null, "account " + accountId);
  }

  private Account signingIn(PendingSignIn pending) {
    Account account =
        pending == null || pending.accountId() == null
            ? null
            : em.find(Account.class, pending.accountId(), LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw new DomainException(Reason.UNAUTHENTICATED, "sign-in-refused", REFUSED);
    }
    refuseLockedOrDisabled(account);
    if (!PortalIdentity.credentials(account.getPasswordHash()).equals(pending.credentials())) {
      // the password was reset or changed since it was typed: that sign-in goes no further
      throw new DomainException(
          Reason.UNAUTHENTICATED,
          "password-changed",
          "The password was changed since you typed it: sign in again with the new one.");
    }
    return account;
  }

  private void refuseLockedOrDisabled(Account account) {
    if (account.isLocked()) {
      // a refused attempt is audited like any failure (it does not count: the account is locked)
      audit.record(
          null, AuditEventType.PORTAL_SIGN_IN_FAILED, actor(account), null, "account locked");
      throw new RecordedRefusal(
          Reason.FORBIDDEN,
          "account-locked",
          "This account is locked after too many failed sign-ins."
              + " Ask your property manager or an administrator to unlock it.");
    }
    if (!account.maySignIn()) {
      audit.record(
          null, AuditEventType.PORTAL_SIGN_IN_FAILED, actor(account), null, "account not active");
      throw new RecordedRefusal(Reason.UNAUTHENTICATED, "sign-in-refused", REFUSED);
    }
  }

  /**
   * Counts a failure (under a row lock) and says why; commits although the request is refused. A
   * lock is told only to someone who gave the right password: to others it would say that the
   * address has an account.
   */
  private RecordedRefusal failure(
      Account account, String what, String message, boolean passwordWasRight) {
    em.lock(account, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(account);
    boolean lockedNow = account.recordFailedSignIn(maxFailedSignIns, Times.now(clock));
    audit.record(null, AuditEventType.PORTAL_SIGN_IN_FAILED, actor(account), null, what);
    if (lockedNow) {
      audit.record(
          null,
          AuditEventType.ACCOUNT_LOCKED,
          "system:sign-in",
          null,
          "account " + account.getId() + " after " + account.getFailedSignIns() + " failures");
    }
    if (account.isLocked() && passwordWasRight) {
      return new RecordedRefusal(
          Reason.FORBIDDEN,
          "account-locked",
          "This account is locked after too many failed sign-ins."
              + " Ask your property manager or an administrator to unlock it.");
    }
    return new RecordedRefusal(Reason.UNAUTHENTICATED, "sign-in-refused", message);
  }

  /**
   * What {@link #failure} does to the database for a wrong password (lock the row, read it again,
   * update its count), done for an unknown email so that both take as long: the same kinds of
   * statements on the account table, which match no row ({@code id < 0}).
   */
  private void failureOfNoAccount(String address) {
    em.createQuery("SELECT a FROM Account a WHERE a.email = :email AND a.id < 0", Account.class)
        .setParameter("email", address)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
    em.createQuery("SELECT a FROM Account a WHERE a.email = :email AND a.id < 0", Account.class)
        .setParameter("email", address)
        .getResultList();
    em.createNativeQuery(
            "UPDATE account SET failed_sign_ins = failed_sign_ins + 1 WHERE email = ?1 AND id < 0")
        .setParameter(1, address)
        .executeUpdate();
  }

  private PortalIdentity signedIn(Account account, String how) {
    account.signedIn();
    audit.record(null, AuditEventType.PORTAL_SIGN_IN_SUCCEEDED, actor(account), null, how);
    return PortalIdentity.of(account);
  }

  private Account own(Caller caller) {
    if (caller.accountId() == null) {
      throw DomainException.forbidden("Only a person's account has an authenticator app");
    }
    return existing(caller.accountId());
  }

  private Account existing(Long accountId) {
    Account account = accountId == null ? null : em.find(Account.class, accountId);
    if (account == null) {
      throw DomainException.notFound("There is no account " + accountId);
    }
    return account;
  }

  private byte[] secretOf(Account account) {
    return Base32.decode(box.open(account.getTotpSecretEncrypted()));
  }

  private String codeHash(Long accountId, String code) {
    return HexFormat.of().formatHex(hashes.mac("verification-code|" + accountId + "|" + code));
  }

  private static String actor(Account account) {
    return "account:" + account.getId();
  }
}
