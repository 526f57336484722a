package com.smartpackageroom.ejb.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's database, defined from MicroProfile Config at run time (spr.db.*), and its
 * schema, brought up to date by Flyway before anything else starts.
 */
@DataSourceDefinitions({
  @DataSourceDefinition(
      name = "java:app/jdbc/spr",
      className = "${MPCONFIG=spr.db.class}",
      url = "${MPCONFIG=spr.db.url}",
      user = "${MPCONFIG=spr.db.user}",
      password = "${MPCONFIG=spr.db.password}",
      minPoolSize = 2,
      maxPoolSize = 64,
      properties = {
        // prepared statements kept per connection: a hot statement is parsed and planned once
        "fish.payara.statement-cache-size=${MPCONFIG=spr.db.statement-cache-size}",
        // least recently used eviction (Payara reads an absent type as a class named "null")
        "fish.payara.statement-cache-type= "
      }),
  // the same database for work done outside any transaction, in autocommit (the kiosk sign-in's
  // audit batches): no transaction to enlist in when a connection is handed out
  @DataSourceDefinition(
      name = Database.AUTOCOMMIT,
      className = "${MPCONFIG=spr.db.class}",
      url = "${MPCONFIG=spr.db.url}",
      user = "${MPCONFIG=spr.db.user}",
      password = "${MPCONFIG=spr.db.password}",
      transactional = false,
      minPoolSize = 1,
      maxPoolSize = 8,
      properties = {
        "fish.payara.statement-cache-size=${MPCONFIG=spr.db.statement-cache-size}",
        "fish.payara.statement-cache-type= "
      })
})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

  /** The data source for work outside any transaction: its connections are never enlisted. */
  public static final String AUTOCOMMIT = "java:app/jdbc/spr-autocommit";

  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  @Resource(lookup = "java:app/jdbc/spr")
  private DataSource dataSource;

  /**
   * Whether a failure is the database refusing a duplicate of a unique value (SQLSTATE 23505, in
   * PostgreSQL and in H2), optionally of one column or index: a race that a caller may answer, as
   * opposed to a fault.
   */
  public static boolean isUniqueViolation(Throwable failure, String namePart) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && "23505".equals(sql.getSQLState())
          && (namePart == null
              || (sql.getMessage() != null
                  && sql.getMessage().toLowerCase(Locale.ROOT).contains(namePart)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the data source is PostgreSQL (else the embedded H2): the few spellings that differ.
   */
  public static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return isPostgres(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
    }
  }

  public static boolean isPostgres(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres");
  }

  /** The few spellings that differ between the embedded H2 and PostgreSQL. */
  private Map<String, String> placeholders() {
    boolean postgres = isPostgres(dataSource);
    return Map.of(
        "next_audit_event_id",
        postgres ? "nextval('audit_event_seq')" : "NEXT VALUE FOR audit_event_seq",
        // a statement only PostgreSQL has (H2 has no expression indexes): a comment on H2
        "postgres_only",
        postgres ? "" : "--",

        // a partial index's condition (H2 has none: its index then holds every line)
        "only_refused_lines",
        postgres ? "WHERE error IS NOT NULL" : "");
  }

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .placeholders(placeholders())
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
