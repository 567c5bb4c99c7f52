package io.openrma.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** The few statements that differ between H2 and PostgreSQL. */
@Component
public class DatabaseDialect {

  private final boolean postgres;

  public DatabaseDialect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
  }

  public boolean isPostgres() {
    return postgres;
  }

  public String nextValue(String sequence) {
    return postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
  }
}
