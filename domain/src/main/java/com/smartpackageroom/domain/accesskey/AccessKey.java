package com.smartpackageroom.domain.accesskey;

import com.smartpackageroom.domain.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A PIN, QR code or key card that lets one holder into one site's package room. The secret is kept
 * encrypted; {@code lookupHash} finds the key at sign-in and is cleared once the value is spent
 * (deleted, used or expired), when it moves to the retired values.
 */
@Entity
@Table(name = "access_key")
public class AccessKey {

  @Id
  @SequenceGenerator(name = "access_key_seq", sequenceName = "access_key_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_key_seq")
  private Long id;

  @Column(name = "site_id", nullable = false)
  private Long siteId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AccessKeyType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AccessKeyStatus status;

  @Column(name = "lookup_hash", unique = true)
  private String lookupHash;

  @Column(name = "secret_enc")
  private String secretEncrypted;

  @Enumerated(EnumType.STRING)
  @Column(name = "holder_kind", nullable = false)
  private HolderKind holderKind;

  @Column(name = "holder_id", nullable = false)
  private Long holderId;

  @Column(name = "recipient_id")
  private Long recipientId;

  @Column(name = "courier_id")
  private Long courierId;

  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "single_use", nullable = false)
  private boolean singleUse;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  /** A one-time PIN a recipient requested at a kiosk ("Request PIN"). */
  @Column(name = "kiosk_requested", nullable = false)
  private boolean kioskRequested;

  /** The other half of a single access PIN and its QR code: using one spends both. */
  @Column(name = "partner_key_id")
  private Long partnerKeyId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected AccessKey() {}

  private AccessKey(
      Long siteId,
      AccessKeyType type,
      HolderKind holderKind,
      Long holderId,
      String lookupHash,
      String secretEncrypted,
      boolean singleUse,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    this.siteId = siteId;
    this.type = type;
    this.status = AccessKeyStatus.ACTIVE;
    this.holderKind = holderKind;
    this.holderId = holderId;
    switch (holderKind) {
      case RECIPIENT -> this.recipientId = holderId;
      case COURIER -> this.courierId = holderId;
      case STAFF -> this.accountId = holderId;
    }
    this.lookupHash = lookupHash;
    this.secretEncrypted = secretEncrypted;
    this.singleUse = singleUse;
    this.expiresAt = expiresAt;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A key that stays valid until deactivated or deleted. */
  public static AccessKey permanent(
      Long siteId,
      AccessKeyType type,
      HolderKind holderKind,
      Long holderId,
      String lookupHash,
      String secretEncrypted,
      OffsetDateTime now) {
    if (type == AccessKeyType.KEY_CARD && !holderKind.mayCustomize()) {
      throw DomainException.forbidden("Key cards can be assigned to couriers and staff only");
    }
    return new AccessKey(
        siteId, type, holderKind, holderId, lookupHash, secretEncrypted, false, null, now);
  }

  /** A single access PIN: one sign-in, before {@code expiresAt}. */
  public static AccessKey singleUsePin(
      Long siteId,
      HolderKind holderKind,
      Long holderId,
      String lookupHash,
      String secretEncrypted,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    if (!expiresAt.isAfter(now)) {
      throw DomainException.invalid("expiresAt must be in the future");
    }
    return new AccessKey(
        siteId,
        AccessKeyType.PIN,
        holderKind,
        holderId,
        lookupHash,
        secretEncrypted,
        true,
        expiresAt,
        now);
  }

  /** A one-time PIN a recipient requested at a kiosk: at most one of them is live at a time. */
  public static AccessKey requestedPin(
      Long siteId,
      Long recipientId,
      String lookupHash,
      String secretEncrypted,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    AccessKey key =
        singleUsePin(
            siteId, HolderKind.RECIPIENT, recipientId, lookupHash, secretEncrypted, expiresAt, now);
    key.kioskRequested = true;
    return key;
  }

  /** The single-use QR code that comes with a single access PIN, with the same expiry. */
  public static AccessKey singleUseQr(
      Long siteId,
      HolderKind holderKind,
      Long holderId,
      String lookupHash,
      String secretEncrypted,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    if (!expiresAt.isAfter(now)) {
      throw DomainException.invalid("expiresAt must be in the future");
    }
    return new AccessKey(
        siteId,
        AccessKeyType.QR,
        holderKind,
        holderId,
        lookupHash,
        secretEncrypted,
        true,
        expiresAt,
        now);
  }

  /** Makes two single-use keys (both persisted) one: using either spends the other. */
  public void pairWith(AccessKey other) {
    if (!singleUse || !other.singleUse || id == null || other.id == null) {
      throw new IllegalStateException("only two stored single-use keys are paired");
    }
    this.partnerKeyId = other.id;
    other.partnerKeyId = this.id;
  }

  public Long getPartnerKeyId() {
    return partnerKeyId;
  }

  /** Whether this key lets its holder in now. */
  public boolean isUsable(OffsetDateTime now) {
    return isUsable(status, usedAt, expiresAt, now);
  }

  /** The rule of {@link #isUsable(OffsetDateTime)}, for a key read without its entity. */
  public static boolean isUsable(
      AccessKeyStatus status, OffsetDateTime usedAt, OffsetDateTime expiresAt, OffsetDateTime now) {
    return status == AccessKeyStatus.ACTIVE && usedAt == null && !isExpired(expiresAt, now);
  }

  public boolean isExpired(OffsetDateTime now) {
    return isExpired(expiresAt, now);
  }

  private static boolean isExpired(OffsetDateTime expiresAt, OffsetDateTime now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }

  /** Whether this single-use key can never be used again (used or past its expiry). */
  public boolean isSpent(OffsetDateTime now) {
    return singleUse && (usedAt != null || isExpired(now));
  }

  /**
   * Ends a one-time PIN that expired unused, active or deactivated before its expiry (it cannot be
   * reactivated once expired): it becomes inactive, as a used one does, and its value is the
   * caller's to release into the reuse quarantine. Whether it did (false for any other key, one not
   * expired yet, one deleted or whose value is gone already).
   */
  public boolean expire(OffsetDateTime now) {
    if (!singleUse
        || usedAt != null
        || status == AccessKeyStatus.DELETED
        || lookupHash == null
        || !isExpired(now)) {
      return false;
    }
    status = AccessKeyStatus.INACTIVE;
    updatedAt = now;
    return true;
  }

  /** Records a sign-in; a single-use key is spent by it. Returns whether it was spent. */
  public boolean use(OffsetDateTime now) {
    if (!isUsable(now)) {
      throw new IllegalStateException("key " + id + " is not usable");
    }
    if (singleUse) {
      usedAt = now;
      status = AccessKeyStatus.INACTIVE;
      updatedAt = now;
      return true;
    }
    return false;
  }

  /**
   * Ends a requested one-time PIN that a newer request replaces. It was never used, so its value is
   * given up without quarantine: the caller does not retire it. Returns whether it ended (false for
   * any other key, or one used, expired or ended already).
   */
  public boolean withdraw(OffsetDateTime now) {
    if (!kioskRequested || !isUsable(now)) {
      return false;
    }
    status = AccessKeyStatus.INACTIVE;
    lookupHash = null;
    secretEncrypted = null;
    updatedAt = now;
    return true;
  }

  public boolean isKioskRequested() {
    return kioskRequested;
  }

  public void deactivate(OffsetDateTime now) {
    requireNotDeleted("deactivated");
    status = AccessKeyStatus.INACTIVE;
    updatedAt = now;
  }

  public void reactivate(OffsetDateTime now) {
    requireNotDeleted("reactivated");
    if (isSpent(now) || lookupHash == null) {
      // used, expired, or replaced by a newer requested PIN whose value went back
      throw DomainException.conflict(
          "key-spent",
          "This single access PIN has been used, has expired or was replaced; send a new one"
              + " instead");
    }
    status = AccessKeyStatus.ACTIVE;
    updatedAt = now;
  }

  /** Removes the key for good; returns the hash of its value, which the caller retires. */
  public String delete(OffsetDateTime now) {
    String spent = lookupHash;
    status = AccessKeyStatus.DELETED;
    lookupHash = null;
    secretEncrypted = null;
    updatedAt = now;
    return spent;
  }

  /** Gives up the value's hash (when it is retired) while keeping the key's history. */
  public String releaseValue() {
    String spent = lookupHash;
    lookupHash = null;
    secretEncrypted = null;
    return spent;
  }

  /** Replaces a PIN's value; returns the hash of the old one, which the caller retires. */
  public String changeSecret(String newLookupHash, String newSecretEncrypted, OffsetDateTime now) {
    requireNotDeleted("changed");
    if (type != AccessKeyType.PIN) {
      throw DomainException.invalid("Only a PIN can be customised");
    }
    if (!holderKind.mayCustomize()) {
      throw DomainException.invalid("Only couriers' and staff's PINs can be customised");
    }
    String old = lookupHash;
    lookupHash = newLookupHash;
    secretEncrypted = newSecretEncrypted;
    updatedAt = now;
    return old;
  }

  /** Detaches an erased recipient; the key keeps the id for the audit trail. */
  public void forgetHolder() {
    recipientId = null;
  }

  private void requireNotDeleted(String verb) {
    if (status == AccessKeyStatus.DELETED) {
      throw DomainException.conflict(
          "key-deleted", "This access key was deleted and cannot be " + verb);
    }
  }

  public Long getId() {
    return id;
  }

  public Long getSiteId() {
    return siteId;
  }

  public AccessKeyType getType() {
    return type;
  }

  public AccessKeyStatus getStatus() {
    return status;
  }

  public String getLookupHash() {
    return lookupHash;
  }

  public String getSecretEncrypted() {
    return secretEncrypted;
  }

  public HolderKind getHolderKind() {
    return holderKind;
  }

  public Long getHolderId() {
    return holderId;
  }

  public boolean isSingleUse() {
    return singleUse;
  }

  public OffsetDateTime getExpiresAt() {
    return expiresAt;
  }

  public OffsetDateTime getUsedAt() {
    return usedAt;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
