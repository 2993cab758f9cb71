package dev.officeflow.office.testing;

import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;

/** A fresh office database with the service's migrations applied, for repository tests. */
public final class JobDatabase {

  private JobDatabase() {}

  public static DatabaseClient migrated() {
    TestDatabase db = Infrastructure.createDatabase("office");
    Flyway.configure()
        .dataSource(db.jdbcUrl(), Infrastructure.postgresUser(), Infrastructure.postgresPassword())
        .load()
        .migrate();
    ConnectionFactoryOptions options =
        ConnectionFactoryOptions.parse(db.r2dbcUrl())
            .mutate()
            .option(ConnectionFactoryOptions.USER, Infrastructure.postgresUser())
            .option(ConnectionFactoryOptions.PASSWORD, Infrastructure.postgresPassword())
            .build();
    return DatabaseClient.create(ConnectionFactories.get(options));
  }
}
