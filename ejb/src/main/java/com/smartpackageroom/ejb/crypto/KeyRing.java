package com.smartpackageroom.ejb.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two secrets of the application: the AES key that encrypts PINs and tokens at rest and the
 * HMAC key that indexes them. They come from configuration (spr.crypto.encryption-key,
 * spr.crypto.hash-key, base64 of 32 bytes); when neither is set, they are generated once and kept
 * in a key file outside the database (spr.crypto.key-file), so that a stolen database dump alone
 * reveals no PIN. Several instances must be given the same keys through configuration.
 */
@ApplicationScoped
public class KeyRing {

  private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
  private static final int KEY_BYTES = 32;

  @Inject
  @ConfigProperty(name = "spr.crypto.encryption-key")
  Optional<String> configuredEncryptionKey;

  @Inject
  @ConfigProperty(name = "spr.crypto.hash-key")
  Optional<String> configuredHashKey;

  @Inject
  @ConfigProperty(name = "spr.crypto.key-file")
  Optional<String> configuredKeyFile;

  private byte[] encryptionKey;
  private byte[] hashKey;

  @PostConstruct
  void load() {
    Optional<String> enc = configuredEncryptionKey.filter(s -> !s.isBlank());
    Optional<String> hash = configuredHashKey.filter(s -> !s.isBlank());
    if (enc.isPresent() != hash.isPresent()) {
      throw new IllegalStateException(
          "Set both spr.crypto.encryption-key and spr.crypto.hash-key, or neither");
    }
    if (enc.isPresent()) {
      encryptionKey = decode("spr.crypto.encryption-key", enc.get());
      hashKey = decode("spr.crypto.hash-key", hash.get());
      return;
    }
    Path file = keyFile();
    try {
      Properties keys = readOrCreate(file);
      encryptionKey = decode("encryption-key in " + file, keys.getProperty("encryption-key"));
      hashKey = decode("hash-key in " + file, keys.getProperty("hash-key"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or create the key file " + file, e);
    }
  }

  /**
   * Nothing but being made: the keys are read, or made, and checked when the bean is (at start-up,
   * by the kiosk's StartupCheck).
   */
  public void ready() {
    // made and checked
  }

  /**
   * A fingerprint of both keys, which tells whether two instances hold the same keys and reveals
   * nothing of them (a hash of 512 random bits).
   */
  public String fingerprint() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("spr-keys-v1|".getBytes(StandardCharsets.US_ASCII));
      sha256.update(encryptionKey);
      sha256.update(hashKey);
      return Base64.getEncoder().encodeToString(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where the keys come from, for a message that must say which to change. */
  public String source() {
    return configuredEncryptionKey.filter(s -> !s.isBlank()).isPresent()
        ? "spr.crypto.encryption-key and spr.crypto.hash-key"
        : "the key file " + keyFile();
  }

  byte[] encryptionKey() {
    return encryptionKey;
  }

  byte[] hashKey() {
    return hashKey;
  }

  private Path keyFile() {
    return configuredKeyFile
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .orElseGet(
            () -> {
              String instanceRoot = System.getProperty("com.sun.aas.instanceRoot");
              Path dir =
                  instanceRoot != null
                      ? Path.of(instanceRoot, "config")
                      : Path.of(System.getProperty("user.home"), ".spr");
              return dir.resolve("spr-keys.properties");
            });
  }

  private static Properties readOrCreate(Path file) throws IOException {
    Properties keys = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        keys.load(in);
      }
      return keys;
    }
    SecureRandom random = new SecureRandom();
    keys.setProperty("encryption-key", randomKey(random));
    keys.setProperty("hash-key", randomKey(random));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "spr-keys", ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions protect the file
    }
    try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
      keys.store(out, "Smart Package Room keys: keep this file secret and back it up");
    }
    Files.move(temp, file);
    LOG.warning(
        "Generated new encryption and hash keys in "
            + file
            + ": back this file up; without it no stored PIN can be read. For production set"
            + " spr.crypto.encryption-key and spr.crypto.hash-key instead.");
    return keys;
  }

  private static String randomKey(SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static byte[] decode(String name, String base64) {
    if (base64 == null) {
      throw new IllegalStateException(name + " is missing");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not valid base64");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(
          name + " must be " + KEY_BYTES + " bytes (base64 of 32 random bytes)");
    }
    return key;
  }
}
