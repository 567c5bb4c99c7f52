package io.openrma.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.openrma.support.EmbeddedPostgres;
import io.openrma.support.PostgresTest;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL the engine's permission-checked queries are planned for their caller every time (never
 * prepared on the server, so never a generic plan), its other statements stay prepared, and JIT is off.
 */
@PostgresTest
class PermissionQueryPlansPostgresTest {

  static final String PERMISSION_CHECKED = "SELECT count(*) FROM ACT_RU_TASK RES LEFT JOIN ACT_RU_AUTHORIZATION A"
      + " ON A.RESOURCE_ID_ IN (RES.ID_, '*') WHERE A.USER_ID_ = ?";
  static final String UNCHECKED = "SELECT count(*) FROM ACT_RU_TASK RES WHERE RES.ASSIGNEE_ = ?";

  @Autowired
  ProcessEngineConfigurationImpl engine;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theEngineRunsItsStatementsThroughTheInterceptorWithoutJit() {
    assertThat(engine.getSqlSessionFactory().getConfiguration().getInterceptors())
        .anyMatch(PermissionQueryPlans.PlannedEachTime.class::isInstance);
    assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
  }

  @Test
  void aPermissionCheckedQueryIsNeverPreparedOnTheServerOthersAreAfterFiveRuns() throws Throwable {
    try (Connection connection = DriverManager.getConnection(EmbeddedPostgres.newDatabase("plans"), "postgres",
        "postgres")) {
      connection.createStatement().execute("CREATE TABLE ACT_RU_TASK (ID_ varchar(64), ASSIGNEE_ varchar(255))");
      connection.createStatement().execute(
          "CREATE TABLE ACT_RU_AUTHORIZATION (RESOURCE_ID_ varchar(255), USER_ID_ varchar(255))");
      for (int i = 0; i < 10; i++) {
        runThroughTheInterceptor(connection, PERMISSION_CHECKED);
        runThroughTheInterceptor(connection, UNCHECKED);
      }

      List<String> prepared = preparedOnTheServer(connection);
      assertThat(prepared).contains(UNCHECKED.replace("?", "$1"));
      assertThat(prepared).noneMatch(sql -> sql.contains("ACT_RU_AUTHORIZATION"));
    }
  }

  /** What MyBatis does for each of the engine's queries: the handler prepares, the plugin sees the statement. */
  private static void runThroughTheInterceptor(Connection connection, String sql) throws Throwable {
    StatementHandler handler = mock(StatementHandler.class);
    when(handler.getBoundSql()).thenReturn(new BoundSql(new Configuration(), sql, List.of(), null));
    when(handler.prepare(any(), any())).thenAnswer(call -> connection.prepareStatement(sql));
    Invocation prepare = new Invocation(handler,
        StatementHandler.class.getMethod("prepare", Connection.class, Integer.class), new Object[]{connection, 0});
    try (PreparedStatement statement = (PreparedStatement) new PermissionQueryPlans.PlannedEachTime()
        .intercept(prepare)) {
      statement.setString(1, "walt");
      statement.executeQuery().close();
    }
  }

  private static List<String> preparedOnTheServer(Connection connection) throws SQLException {
    try (var rows = connection.createStatement().executeQuery("SELECT statement FROM pg_prepared_statements")) {
      List<String> statements = new ArrayList<>();
      while (rows.next()) {
        statements.add(rows.getString(1));
      }
      return statements;
    }
  }
}
