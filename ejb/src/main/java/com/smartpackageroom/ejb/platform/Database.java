package com.smartpackageroom.ejb.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's database, defined from MicroProfile Config at run time (spr.db.*), and its
 * schema, brought up to date by Flyway before anything else starts.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/spr",
    className = "${MPCONFIG=spr.db.class}",
    url = "${MPCONFIG=spr.db.url}",
    user = "${MPCONFIG=spr.db.user}",
    password = "${MPCONFIG=spr.db.password}",
    minPoolSize = 2,
    maxPoolSize = 64)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  @Resource(lookup = "java:app/jdbc/spr")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
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
