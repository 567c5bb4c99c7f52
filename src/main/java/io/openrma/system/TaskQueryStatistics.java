package io.openrma.system;

import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL how selective the engine's permission checks are, so that Tasklist stays fast with
 * thousands of open tasks.
 *
 * <p>With authorization on, the engine grants each candidate group a permission row per task, and every
 * task query joins those rows with {@code PERMS_ & 2 = 2}. PostgreSQL cannot estimate a bitwise
 * expression, guesses 0.5 % of the rows, and joins every task with every permission row: with 5,000
 * open warehouse tasks one count took 1.6 to 3.4 s (bench/README.md). Statistics on the expressions
 * give it the real numbers and it probes the index per task instead: 0.2 s. Expression statistics
 * need PostgreSQL 14; H2 has no such planner problem. {@code openrma.engine.task-query-statistics=false}
 * leaves them out (bench/configs/stock.properties, to measure them).
 */
@Component
@ConditionalOnProperty(name = "openrma.engine.task-query-statistics", havingValue = "true", matchIfMissing = true)
public class TaskQueryStatistics {

  static final String NAME = "openrma_auth_perms";
  private static final Logger log = LoggerFactory.getLogger(TaskQueryStatistics.class);

  private final DatabaseDialect dialect;
  private final JdbcClient jdbc;

  /** Takes the engine so that it has created its tables first (Flyway runs before it, so a migration cannot). */
  public TaskQueryStatistics(DatabaseDialect dialect, JdbcClient jdbc, ProcessEngine engine) {
    this.dialect = dialect;
    this.jdbc = jdbc;
  }

  @PostConstruct
  public void create() {
    if (!dialect.isPostgres()) {
      return;
    }
    int version = jdbc.sql("SELECT current_setting('server_version_num')::int").query(Integer.class).single();
    if (version < 140000) {
      log.warn("PostgreSQL {} cannot keep statistics on expressions (14 can): Tasklist's queries slow down "
          + "with many open tasks", version);
      return;
    }
    // READ on tasks (2) and READ_TASK on process definitions (64): the bits Tasklist's queries test
    try {
      jdbc.sql("CREATE STATISTICS IF NOT EXISTS " + NAME
          + " ON (perms_ & 2), (perms_ & 64), resource_type_ FROM act_ru_authorization").update();
    } catch (DataAccessException e) {
      // another node starting at the same moment created them
      log.info("Statistics {} not created here: {}", NAME, e.getMostSpecificCause().getMessage());
    }
  }
}
