package io.openrma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import io.openrma.process.ProcessDeployment;
import io.openrma.process.ProcessIds;
import io.openrma.support.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two ways OpenRMA runs, started for real: the demo run on an H2 file database and the
 * production profile on PostgreSQL. Each is started twice on the same database: the second
 * start finds everything in place and creates no new versions.
 */
@Tag("whole-apps")
class StartupTest {

  @Test
  void demoRunStartsOnH2FileDatabaseAndRestartsWithoutNewVersions(@TempDir Path dir) {
    String[] properties = {
        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("openrma") + ";DB_CLOSE_ON_EXIT=FALSE"};
    try (ConfigurableApplicationContext first = start(properties)) {
      assertDeployedTogether(first);
      assertThat(users(first)).contains("admin", "anna", "carl", "walt", "fiona");
      // demo returns in every state, with work waiting in Tasklist and an incident in Cockpit
      List<String> statuses = first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("SELECT DISTINCT status FROM rma_return").query(String.class).list();
      assertThat(statuses).contains("UNDER_REVIEW", "REJECTED", "LABEL_ISSUED", "IN_TRANSIT", "RECEIVED",
          "REFUND_FAILED", "REFUND_PENDING", "CLOSED", "CANCELLED", "EXPIRED", "INSPECTED", "APPROVED");
      assertThat(engine(first).getTaskService().createTaskQuery().taskCandidateGroup("warehouse").count()).isPositive();
      assertThat(engine(first).getRuntimeService().createIncidentQuery().count()).isEqualTo(1);
    }
    try (ConfigurableApplicationContext second = start(properties)) {
      assertDeployedTogether(second);
      assertThat(second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("SELECT COUNT(*) FROM rma_return").query(Long.class).single()).as("seeded once").isEqualTo(15);
    }
  }

  @Test
  void productionRunStartsOnPostgresWithOnlyTheConfiguredAdmin() {
    String url = EmbeddedPostgres.newDatabase("startup");
    String[] properties = {"DB_URL=" + url, "DB_USER=postgres", "DB_PASSWORD=postgres",
        "OPENRMA_ADMIN_PASSWORD=Str0ng-Passw0rd!", "spring.profiles.active=postgres", "openrma.stripe.mode=simulate",
        "openrma.shipstation.mode=simulate", "openrma.zendesk.mode=simulate", "openrma.slack.mode=simulate",
        "openrma.mail.mode=simulate", "openrma.shopify.mode=simulate",
        "openrma.portal.link-secret=" + io.openrma.support.PostgresContextInitializer.LINK_SECRET};
    try (ConfigurableApplicationContext first = start(properties)) {
      assertDeployedTogether(first);
      assertThat(users(first)).containsExactly("admin");
      assertThat(engine(first).getIdentityService().checkPassword("admin", "Str0ng-Passw0rd!")).isTrue();
      assertThat(first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("SELECT COUNT(*) FROM rma_return").query(Long.class).single()).as("no demo returns").isZero();
      assertThat(engine(first).getIdentityService().createGroupQuery().list()).hasSizeGreaterThanOrEqualTo(6);
      assertThat(first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = 'openrma_auth_perms'").query(Long.class).single())
          .as("planner statistics for Tasklist's permission checks").isOne();
    }
    try (ConfigurableApplicationContext second = start(properties)) {
      assertDeployedTogether(second);
      assertThat(users(second)).containsExactly("admin");
    }
  }

  @Test
  void productionRunRefusesToStartWithoutAnAdminPassword() {
    String url = EmbeddedPostgres.newDatabase("nopassword");
    assertThatThrownBy(() -> start("DB_URL=" + url, "DB_USER=postgres", "DB_PASSWORD=postgres",
        "spring.profiles.active=postgres", "openrma.stripe.mode=simulate", "openrma.shipstation.mode=simulate",
        "openrma.zendesk.mode=simulate", "openrma.slack.mode=simulate", "openrma.mail.mode=simulate",
        "openrma.shopify.mode=simulate",
        "openrma.portal.link-secret=" + io.openrma.support.PostgresContextInitializer.LINK_SECRET).close())
        .hasStackTraceContaining("OPENRMA_ADMIN_PASSWORD");
  }

  /** Properties as command-line arguments: they win over application.yaml, as a user's settings would. */
  private static ConfigurableApplicationContext start(String... properties) {
    List<String> args = new java.util.ArrayList<>(
        List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false"));
    for (String property : properties) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(OpenRmaApplication.class).run(args.toArray(String[]::new));
  }

  private static ProcessEngine engine(ConfigurableApplicationContext context) {
    return context.getBean(ProcessEngine.class);
  }

  private static List<String> users(ConfigurableApplicationContext context) {
    return engine(context).getIdentityService().createUserQuery().list().stream().map(user -> user.getId()).toList();
  }

  /** One deployment holds the BPMN, the DMN and the forms, and every definition is at version 1. */
  private static void assertDeployedTogether(ConfigurableApplicationContext context) {
    RepositoryService repository = engine(context).getRepositoryService();
    List<Deployment> deployments = repository.createDeploymentQuery().deploymentName(ProcessDeployment.DEPLOYMENT_NAME)
        .list();
    assertThat(deployments).hasSize(1);
    List<String> resources = repository.getDeploymentResourceNames(deployments.get(0).getId());
    assertThat(resources).contains("processes/rma-lifecycle.bpmn", "forms/review-return.form");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessIds.RMA_LIFECYCLE).latestVersion()
        .singleResult().getVersion()).isEqualTo(1);
    assertThat(repository.createProcessDefinitionQuery().list())
        .allSatisfy(definition -> assertThat(definition.getVersion()).as(definition.getKey()).isEqualTo(1));
  }
}
