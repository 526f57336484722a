package com.smartpackageroom.ejb.account;

import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first administrator of an installation: spr.bootstrap.admin-email creates one at start-up
 * when no account has that email, with spr.bootstrap.admin-password, or else with a password made
 * here and written to a file only the server's user can read. The log names the file, never the
 * password.
 */
@Singleton
@Startup
@DependsOn({"Database", "StartupCheck"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdministratorBootstrap {

  private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

  @Inject
  @ConfigProperty(name = "spr.bootstrap.admin-email")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "spr.bootstrap.admin-password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "spr.bootstrap.admin-password-file")
  Optional<String> passwordFile;

  @EJB AccountService accounts;

  @PostConstruct
  void create() {
    String address = email.map(String::strip).filter(e -> !e.isEmpty()).orElse(null);
    if (address == null) {
      return;
    }
    boolean generated = password.map(String::isBlank).orElse(true);
    String chosen = generated ? Tokens.random("", 18) : password.get();
    try {
      Long id =
          accounts.createWithPassword(
              Caller.system("bootstrap"),
              address,
              "Administrator",
              "(bootstrap)",
              Role.ADMINISTRATOR,
              null,
              chosen);
      if (id == null) {
        LOG.info("spr.bootstrap.admin-email: the account " + address + " exists; left as it is");
        return;
      }
      if (generated) {
        Path file = write(chosen, address);
        LOG.info(
            "Administrator "
                + address
                + " created; spr.bootstrap.admin-password was not set, so its password was"
                + " generated and written to "
                + file
                + " (readable by the server's user only): sign in, then change it in My Account");
      } else {
        LOG.info("Administrator " + address + " created with spr.bootstrap.admin-password");
      }
    } catch (RuntimeException | IOException e) {
      LOG.log(
          Level.WARNING,
          "spr.bootstrap.admin-email: the administrator could not be created: " + e.getMessage());
    }
  }

  private Path write(String secret, String address) throws IOException {
    Path target =
        passwordFile
            .filter(f -> !f.isBlank())
            .map(Path::of)
            .orElse(Path.of("spr-bootstrap-admin.txt"))
            .toAbsolutePath();
    Files.createDirectories(target.getParent());
    Files.deleteIfExists(target);
    Files.createFile(target);
    try {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    Files.writeString(
        target,
        "Smart Package Room: the first administrator\nEmail:    "
            + address
            + "\nPassword: "
            + secret
            + "\n\nSign in at the portal, then change the password in My Account and delete this file.\n");
    return target;
  }
}
