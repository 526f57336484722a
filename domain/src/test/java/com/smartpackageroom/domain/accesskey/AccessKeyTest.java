package com.smartpackageroom.domain.accesskey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smartpackageroom.domain.shared.DomainException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessKeyTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneOffset.UTC);

  private static AccessKey pin(HolderKind kind) {
    return AccessKey.permanent(1L, AccessKeyType.PIN, kind, 7L, "hash", "sealed", NOW);
  }

  @Test
  void aDeactivatedKeyIsKeptAndCanBeReactivated() {
    AccessKey key = pin(HolderKind.COURIER);
    key.deactivate(NOW);
    assertEquals(AccessKeyStatus.INACTIVE, key.getStatus());
    assertFalse(key.isUsable(NOW));
    assertEquals("hash", key.getLookupHash());
    key.reactivate(NOW);
    assertTrue(key.isUsable(NOW));
  }

  @Test
  void aDeletedKeyGivesUpItsValueAndCannotComeBack() {
    AccessKey key = pin(HolderKind.STAFF);
    assertEquals("hash", key.delete(NOW));
    assertEquals(AccessKeyStatus.DELETED, key.getStatus());
    assertNull(key.getLookupHash());
    assertNull(key.getSecretEncrypted());
    DomainException e = assertThrows(DomainException.class, () -> key.reactivate(NOW));
    assertEquals("key-deleted", e.code());
    assertThrows(DomainException.class, () -> key.deactivate(NOW));
  }

  @Test
  void aSingleAccessPinOpensOnceAndNotAfterItsExpiry() {
    AccessKey key =
        AccessKey.singleUsePin(1L, HolderKind.RECIPIENT, 3L, "h", "s", NOW.plusHours(24), NOW);
    assertTrue(key.isUsable(NOW));
    assertFalse(key.isUsable(NOW.plusHours(24)));
    assertTrue(key.use(NOW));
    assertFalse(key.isUsable(NOW));
    assertTrue(key.isSpent(NOW));
    assertEquals(
        "key-spent", assertThrows(DomainException.class, () -> key.reactivate(NOW)).code());
  }

  @Test
  void theQrCodeOfASingleAccessPinIsSingleUseWithTheSameExpiry() {
    AccessKey qr =
        AccessKey.singleUseQr(1L, HolderKind.RECIPIENT, 3L, "h", "s", NOW.plusHours(24), NOW);
    assertEquals(AccessKeyType.QR, qr.getType());
    assertTrue(qr.isSingleUse());
    assertFalse(qr.isUsable(NOW.plusHours(24)));
    assertTrue(qr.use(NOW));
    assertFalse(qr.isUsable(NOW));
    AccessKey pin =
        AccessKey.singleUsePin(1L, HolderKind.RECIPIENT, 3L, "p", "s", NOW.plusHours(24), NOW);
    assertThrows(IllegalStateException.class, () -> pin.pairWith(qr), "only stored keys pair");
  }

  @Test
  void aSingleAccessPinThatExpiredUnusedEndsOnceAndOtherKeysNever() {
    AccessKey once =
        AccessKey.singleUsePin(1L, HolderKind.RECIPIENT, 3L, "h", "s", NOW.plusHours(24), NOW);
    assertFalse(once.expire(NOW.plusHours(23)), "not expired yet");
    assertTrue(once.expire(NOW.plusHours(25)));
    assertEquals(AccessKeyStatus.INACTIVE, once.getStatus());
    assertEquals("h", once.releaseValue(), "its value goes to the quarantine");
    assertFalse(once.expire(NOW.plusHours(26)), "ended already");
    assertFalse(pin(HolderKind.COURIER).expire(NOW.plusDays(400)), "a permanent key never expires");
  }

  @Test
  void aSingleAccessPinDeactivatedBeforeItsExpiryEndsToo() {
    // deactivated by staff or by a move-out: once expired it can never work again, so its value
    // is released for the quarantine like any expired one's, not held for ever
    AccessKey once =
        AccessKey.singleUsePin(1L, HolderKind.RECIPIENT, 3L, "h", "s", NOW.plusHours(24), NOW);
    once.deactivate(NOW.plusHours(1));
    assertFalse(once.expire(NOW.plusHours(23)), "not expired yet");
    assertTrue(once.expire(NOW.plusHours(25)));
    assertEquals(AccessKeyStatus.INACTIVE, once.getStatus());
    assertEquals("h", once.releaseValue());
    assertFalse(once.expire(NOW.plusHours(26)), "its value is gone already");
    AccessKey deleted =
        AccessKey.singleUsePin(1L, HolderKind.RECIPIENT, 3L, "d", "s", NOW.plusHours(24), NOW);
    deleted.delete(NOW.plusHours(1));
    assertFalse(deleted.expire(NOW.plusHours(25)), "a deleted key's value is retired for ever");
  }

  @Test
  void aSingleAccessPinMustExpireInTheFuture() {
    assertThrows(
        DomainException.class,
        () -> AccessKey.singleUsePin(1L, HolderKind.RECIPIENT, 3L, "h", "s", NOW, NOW));
  }

  @Test
  void onlyCouriersAndStaffChooseTheirPinOrCarryACard() {
    assertThrows(
        DomainException.class, () -> pin(HolderKind.RECIPIENT).changeSecret("n", "s", NOW));
    assertEquals("hash", pin(HolderKind.COURIER).changeSecret("n", "s", NOW));
    assertThrows(
        DomainException.class,
        () ->
            AccessKey.permanent(
                1L, AccessKeyType.KEY_CARD, HolderKind.RECIPIENT, 1L, "h", "s", NOW));
  }

  @Test
  void aRetiredValueComesBackOnlyAfterItsQuarantine() {
    RetiredKeyValue used = new RetiredKeyValue("h", 1L, NOW, NOW.plusDays(90));
    assertFalse(used.isReusable(NOW.plusDays(89)));
    assertTrue(used.isReusable(NOW.plusDays(90)));
    RetiredKeyValue deleted = RetiredKeyValue.forever("h", 1L, NOW);
    deleted.extendTo(NOW.plusDays(1));
    assertFalse(deleted.isReusable(NOW.plusYears(100)));
  }

  @Test
  void aRequestedPinIsWithdrawnOnceWithItsValueFreedAndNoOtherKeyIs() {
    AccessKey requested = AccessKey.requestedPin(1L, 3L, "h", "s", NOW.plusHours(24), NOW);
    assertTrue(requested.isKioskRequested());
    assertTrue(requested.withdraw(NOW));
    assertFalse(requested.isUsable(NOW));
    assertNull(requested.getLookupHash());
    assertFalse(requested.withdraw(NOW));

    AccessKey sentByStaff =
        AccessKey.singleUsePin(1L, HolderKind.RECIPIENT, 3L, "h2", "s", NOW.plusHours(24), NOW);
    assertFalse(sentByStaff.withdraw(NOW));
    assertTrue(sentByStaff.isUsable(NOW));
  }

  @Test
  void aUsedOrExpiredRequestedPinIsNotWithdrawn() {
    AccessKey used = AccessKey.requestedPin(1L, 3L, "h", "s", NOW.plusHours(24), NOW);
    used.use(NOW);
    assertFalse(used.withdraw(NOW));
    AccessKey expired = AccessKey.requestedPin(1L, 3L, "h3", "s", NOW.plusHours(1), NOW);
    assertFalse(expired.withdraw(NOW.plusHours(2)));
  }
}
