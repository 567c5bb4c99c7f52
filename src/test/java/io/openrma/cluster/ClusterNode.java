package io.openrma.cluster;

import java.util.ArrayList;
import java.util.List;

import io.openrma.OpenRmaApplication;
import io.openrma.support.Http;
import io.openrma.support.LiveIntegrationsInitializer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One OpenRMA node of a test cluster: the whole app, production profile, on a shared PostgreSQL
 * database, its job executor running, every integration live against the stand-ins. Nodes are
 * told apart by the engine's host name (recorded in the job log).
 */
public final class ClusterNode implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "Cluster-Adm1n!";

  private final String name;
  private final ConfigurableApplicationContext context;

  private ClusterNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  public static ClusterNode start(String name, String databaseUrl) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.profiles.active=postgres",
        "--DB_URL=" + databaseUrl, "--DB_USER=postgres", "--DB_PASSWORD=postgres",
        "--OPENRMA_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--openrma.security.demo-users=true",
        "--camunda.bpm.generic-properties.properties.enable-password-policy=false",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--openrma.test.node=" + name,
        // no store in these tests: the postgres profile would otherwise require Shopify's credentials
        "--openrma.shopify.mode=simulate",
        // both nodes sign the customers' status links with the same key, as production nodes must
        "--openrma.portal.link-secret=" + io.openrma.support.PostgresContextInitializer.LINK_SECRET,
        // quick to pick up new work, and a short lock so that a dead node's job is taken over soon
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.lock-time-in-millis=30000",
        // production-like timeouts (a loaded 2-core machine must not time out calls that succeed),
        // below the lock time as startup checks; Stripe's is short enough for the timeout fault
        "--openrma.stripe.read-timeout=PT5S",
        "--openrma.stripe.connect-timeout=PT1S",
        "--openrma.shipstation.connect-timeout=PT1S",
        "--openrma.shipstation.read-timeout=PT5S",
        "--openrma.zendesk.connect-timeout=PT1S",
        "--openrma.zendesk.read-timeout=PT5S",
        "--spring.mail.properties[mail.smtp.timeout]=10000",
        "--spring.mail.properties[mail.smtp.writetimeout]=10000",
        "--openrma.inbox.sweep-interval=PT2S",
        "--spring.datasource.hikari.maximum-pool-size=20"));
    List<String> ours = args.stream().map(arg -> arg.substring(2, arg.indexOf('='))).toList();
    for (String property : LiveIntegrationsInitializer.properties()) {
      if (!ours.contains(property.substring(0, property.indexOf('=')))) {
        args.add("--" + property);
      }
    }
    ConfigurableApplicationContext context = new SpringApplicationBuilder(OpenRmaApplication.class, Faults.class)
        .run(args.toArray(String[]::new));
    return new ClusterNode(name, context);
  }

  /**
   * Registers the node's fault injection. Deliberately not a {@code @Configuration}: component
   * scanning would then put it into every other test's context too. It is passed to the builder
   * as a source instead.
   */
  static class Faults {
    @Bean
    static NodeFaults nodeFaults(org.springframework.core.env.Environment environment) {
      return new NodeFaults(environment.getRequiredProperty("openrma.test.node"));
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public Http http() {
    return new Http(port());
  }

  public ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public NodeFaults faults() {
    return NodeFaults.of(name);
  }

  /** The owner id this node's job executor writes into the jobs it locks. */
  public String lockOwner() {
    return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor().getLockOwner();
  }

  public boolean isRunning() {
    return context.isActive();
  }

  @Override
  public void close() {
    if (context.isActive()) {
      context.close();
    }
  }
}
