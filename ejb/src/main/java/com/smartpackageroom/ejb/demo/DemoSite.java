package com.smartpackageroom.ejb.demo;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.accesskey.HolderKind;
import com.smartpackageroom.domain.account.Role;
import com.smartpackageroom.ejb.accesskey.AccessKeyService;
import com.smartpackageroom.ejb.account.AccountService;
import com.smartpackageroom.ejb.courier.CourierService;
import com.smartpackageroom.ejb.courier.CourierView;
import com.smartpackageroom.ejb.crypto.Tokens;
import com.smartpackageroom.ejb.kiosk.KioskRegistry;
import com.smartpackageroom.ejb.recipient.RecipientData;
import com.smartpackageroom.ejb.recipient.RecipientService;
import com.smartpackageroom.ejb.recipient.RecipientView;
import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.ejb.site.SiteChanges;
import com.smartpackageroom.ejb.site.SiteService;
import com.smartpackageroom.ejb.site.SiteView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With spr.demo=true: a demo site with recipients, a courier per carrier and a kiosk, created once.
 * Its tokens and PINs go to a file readable by the server's user only (spr.demo.file), never to the
 * log.
 */
@Singleton
@Startup
@DependsOn("StartupCheck")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoSite {

  static final String SITE_NAME = "Riverside Demo";
  private static final Logger LOG = Logger.getLogger(DemoSite.class.getName());
  private static final String[] CARRIERS = {"USPS", "UPS", "FedEx", "DHL", "Amazon"};
  private static final String[][] RESIDENTS = {
    {"Priya", "Nguyen", "2621"}, {"Noah", "Okafor", "3802"}, {"Diego", "Kowalski", "719"},
    {"Lucía", "Tanaka", "2410"}, {"Zoë", "O'Brien", "1104"}, {"Kwame", "Müller", "512"},
    {"Siobhán", "García", "1808"}, {"Wei", "Chen", "903"}, {"Fatima", "Haddad", "1502"},
    {"Björn", "Andersson", "2207"}, {"Amara", "Ivanova", "604"}, {"Mateo", "López", "1311"}
  };

  @PersistenceContext(unitName = "spr")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "spr.demo", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "spr.demo.file")
  Optional<String> file;

  @EJB SiteService sites;
  @EJB KioskRegistry kiosks;
  @EJB RecipientService recipients;
  @EJB CourierService couriers;
  @EJB AccessKeyService keys;
  @EJB AccountService accounts;

  @PostConstruct
  void create() {
    if (!enabled) {
      return;
    }
    Path target = target();
    boolean exists =
        !em.createQuery("SELECT s.id FROM Site s WHERE s.name = :name", Long.class)
            .setParameter("name", SITE_NAME)
            .getResultList()
            .isEmpty();
    if (exists) {
      LOG.info(
          "Demo site \""
              + SITE_NAME
              + "\" exists; its kiosk token, API token and PINs are in "
              + target);
      return;
    }
    try {
      write(target, populate());
      LOG.info(
          "Demo site \""
              + SITE_NAME
              + "\" created; its kiosk token, API token and PINs are in "
              + target);
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.WARNING, "The demo site could not be created", e);
    }
  }

  private String populate() {
    Caller demo = Caller.system("demo");
    StringBuilder out = new StringBuilder();
    SiteView site = sites.create(demo, new SiteChanges(SITE_NAME, "America/New_York", true, "US"));
    out.append("Smart Package Room demo\n=======================\n")
        .append("Site: ")
        .append(SITE_NAME)
        .append(" (id ")
        .append(site.id())
        .append(")\n");
    out.append(
        "\nPortal (http://localhost:8080/): sign in with an email and password below; the"
            + " verification code arrives in the developer mailbox (http://localhost:8080/dev/mailbox/)\n");
    Long adminId =
        portalAccount(
            out, demo, "admin@demo.example.org", "Demo", "Administrator", Role.ADMINISTRATOR, null);
    portalAccount(
        out, demo, "manager@demo.example.org", "Morgan", "Reyes", Role.PROPERTY_MANAGER, site.id());
    portalAccount(out, demo, "staff@demo.example.org", "Sam", "Patel", Role.STAFF, site.id());
    var token = accounts.createApiToken(demo, adminId, "demo");
    out.append("\nManagement API (Authorization: Bearer ...): ").append(token.token()).append('\n');
    out.append("  try: curl -H 'Authorization: Bearer ")
        .append(token.token())
        .append("' http://localhost:8080/api/v1/sites/")
        .append(site.id())
        .append("/recipients\n");
    var kiosk = kiosks.register(demo, site.id(), "Lobby kiosk");
    out.append("\nKiosk \"Lobby kiosk\" token: ").append(kiosk.token()).append('\n');
    out.append("  try: curl -X POST -H 'Authorization: Bearer ")
        .append(kiosk.token())
        .append("' -H 'Content-Type: application/json' -d '{\"pin\":\"<a PIN below>\"}'")
        .append(" http://localhost:8080/api/kiosk/v1/sessions\n");
    out.append("\nCouriers (PIN):\n");
    for (String carrier : CARRIERS) {
      CourierView courier =
          couriers.create(demo, site.id(), carrier + " courier", carrier, null, null);
      var pin =
          keys.create(demo, site.id(), HolderKind.COURIER, courier.id(), AccessKeyType.PIN, null);
      out.append("  ")
          .append(String.format("%-16s", courier.name()))
          .append(pin.pin())
          .append('\n');
    }
    out.append("\nRecipients (unit, PIN, QR key id for /api/v1/access-keys/{id}/qr.png):\n");
    int n = 0;
    for (String[] person : RESIDENTS) {
      n++;
      String email =
          person[0].toLowerCase().replaceAll("[^a-z]", "") + "." + n + "@demo.example.org";
      RecipientView r =
          recipients.create(
              demo,
              site.id(),
              new RecipientData(
                  Optional.of("DEMO-" + n),
                  person[0],
                  person[1],
                  person[2],
                  Optional.of(email),
                  Optional.of(String.format("(212) 555-%04d", 100 + n)),
                  null));
      var pin = keys.create(demo, site.id(), HolderKind.RECIPIENT, r.id(), AccessKeyType.PIN, null);
      var qr = keys.create(demo, site.id(), HolderKind.RECIPIENT, r.id(), AccessKeyType.QR, null);
      out.append(
          String.format(
              "  %-22s unit %-5s PIN %s  QR key %d  (%s)%n",
              r.firstName() + " " + r.lastName(), r.unit(), pin.pin(), qr.id(), email));
    }
    return out.toString();
  }

  private Long portalAccount(
      StringBuilder out,
      Caller demo,
      String email,
      String firstName,
      String lastName,
      Role role,
      Long siteId) {
    String password = Tokens.random("", 12);
    Long id = accounts.createWithPassword(demo, email, firstName, lastName, role, siteId, password);
    out.append(
        String.format(
            "  %-17s %-26s password %s%n",
            role.name().toLowerCase().replace('_', ' '), email, password));
    return id;
  }

  private Path target() {
    return file.filter(f -> !f.isBlank())
        .map(Path::of)
        .orElseGet(
            () -> {
              String root = System.getProperty("com.sun.aas.instanceRoot");
              return root == null ? Path.of("spr-demo.txt") : Path.of(root, "spr-demo.txt");
            });
  }

  private static void write(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.deleteIfExists(target);
    Files.createFile(target);
    try {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    Files.writeString(target, text);
  }
}
