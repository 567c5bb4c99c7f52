package benchdriver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL's own counters, read as the superuser on a connection of its own (H2: none). */
final class Db implements AutoCloseable {

  private final Connection connection;

  private Db(Connection connection) {
    this.connection = connection;
  }

  static Db connect(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      Connection c = DriverManager.getConnection(url, "postgres", "");
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
      return new Db(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach PostgreSQL at " + url, e);
    }
  }

  /** Transactions committed in the application's database so far (pg_stat_database.xact_commit). */
  long commits(String database) {
    // statistics reach pg_stat_database when a backend reports them: clear this session's snapshot
    return single("SELECT pg_stat_clear_snapshot()", "SELECT xact_commit FROM pg_stat_database WHERE datname = '"
        + database + "'");
  }

  private long single(String prepare, String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(prepare);
      try (ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void resetStatements() {
    execute("SELECT pg_stat_statements_reset()");
  }

  /** The statements that took the most time since the last reset, in the application's database. */
  List<Map<String, Object>> topStatements(String database, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    String sql = """
        SELECT s.calls, s.total_exec_time, s.mean_exec_time, s.max_exec_time, s.rows, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 400)
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = '%s' ORDER BY s.total_exec_time DESC LIMIT %d
        """
        .formatted(database, limit);
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("calls", rs.getLong(1));
        row.put("total_ms", rs.getDouble(2));
        row.put("mean_ms", rs.getDouble(3));
        row.put("max_ms", rs.getDouble(4));
        row.put("rows", rs.getLong(5));
        row.put("query", rs.getString(6));
        out.add(row);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return out;
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of a statement, run inside a transaction that is rolled back. */
  List<String> explain(String database, String sql) {
    String url;
    try {
      url = connection.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    List<String> plan = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      c.rollback();
    } catch (SQLException e) {
      plan.add("EXPLAIN failed: " + e.getMessage());
    }
    return plan;
  }

  long scalar(String database, String sql) {
    String url;
    try {
      url = connection.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void run(String database, String sql) {
    try (Connection c = DriverManager.getConnection(urlOf(database), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private String urlOf(String database) {
    try {
      return connection.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private final Map<String, Connection> appConnections = new java.util.HashMap<>();

  /** One row of longs from the application's database, on a connection kept open for it (a sampler's query). */
  synchronized long[] row(String database, String sql, Object... parameters) {
    try {
      Connection c = appConnections.get(database);
      if (c == null || c.isClosed()) {
        c = DriverManager.getConnection(urlOf(database), "postgres", "");
        c.setAutoCommit(true);
        appConnections.put(database, c);
      }
      try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          s.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          long[] out = new long[rs.getMetaData().getColumnCount()];
          for (int i = 0; i < out.length; i++) {
            out[i] = rs.getLong(i + 1);
          }
          return out;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    appConnections.values().forEach(c -> {
      try {
        c.close();
      } catch (SQLException e) {
        // closing
      }
    });
    try {
      connection.close();
    } catch (SQLException e) {
      // closing
    }
  }
}
