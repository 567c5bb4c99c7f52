package io.openrma.system;

import java.sql.Connection;
import java.sql.Statement;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL plan the engine's permission-checked queries for the caller at hand, every time.
 *
 * <p>From its fifth run on one connection the JDBC driver keeps a statement prepared on the server, and
 * PostgreSQL may then switch to one generic plan for all parameter values. For the queries that join
 * {@code ACT_RU_AUTHORIZATION} (Tasklist's filters and counts, Cockpit's lists with authorization on) the
 * generic plan cannot know how many permission rows the caller has (one per open task for a candidate
 * group), estimates a few dozen, and joins every task with every row: with 100,000 open warehouse tasks
 * walt's count ran for minutes instead of a second, on every connection that had answered it five times
 * (bench/README.md, "Tasklist at 100k"). Those statements alone are sent unprepared, so each is planned
 * with its own values; every other statement keeps the driver's prepared plans. H2 has no plan cache of this
 * kind, and other drivers are left alone. {@code openrma.engine.permission-query-plans=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "openrma.engine.permission-query-plans", havingValue = "true", matchIfMissing = true)
public class PermissionQueryPlans extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedEachTime());
  }

  /** Marks a prepared permission-checked statement as one to plan on each execution. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class PlannedEachTime implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      if (statement.isWrapperFor(PGStatement.class)
          && ((StatementHandler) invocation.getTarget()).getBoundSql().getSql().contains("ACT_RU_AUTHORIZATION")) {
        // 0: never a server-side prepared statement, so never a generic plan
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      return statement;
    }
  }
}
