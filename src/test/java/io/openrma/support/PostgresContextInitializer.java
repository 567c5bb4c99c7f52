package io.openrma.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a Spring test context the production way: the {@code postgres} profile against a fresh
 * database on the embedded PostgreSQL, with the environment variables the profile reads.
 * Demo users stay on so that tests can log in as carl, walt and the others; the integrations are
 * simulated on purpose; the job executor is off, as in the H2 tests, so tests decide when jobs run.
 */
public class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The status links\' key the postgres profile requires. */
  public static final String LINK_SECRET = "test-status-link-key-of-32-characters-at-least";

  public static final String ADMIN_PASSWORD = "Adm1n-Secret!";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    // the profile itself comes from @ActiveProfiles("postgres") (see PostgresTest): profiles added
    // here would be too late for application-postgres.yaml to be read
    String url = EmbeddedPostgres.newDatabase("openrma");
    TestPropertyValues.of(
        "DB_URL=" + url,
        "DB_USER=postgres",
        "DB_PASSWORD=postgres",
        "OPENRMA_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "openrma.security.demo-users=true",
        "camunda.bpm.generic-properties.properties.enable-password-policy=false",
        "camunda.bpm.job-execution.enabled=false",
        // the engine still talks to the database when it closes; at the end of the test JVM the embedded
        // PostgreSQL may already be gone, and waiting Hikari's default 30 s for a connection made surefire
        // kill the fork after 30 s instead of letting it end
        "spring.datasource.hikari.connection-timeout=3000",
        // the postgres profile requires every integration's credentials; these tests run without them
        "openrma.stripe.mode=simulate", "openrma.shipstation.mode=simulate", "openrma.zendesk.mode=simulate",
        "openrma.slack.mode=simulate", "openrma.mail.mode=simulate", "openrma.shopify.mode=simulate",
        // and the key of the customers' status links
        "openrma.portal.link-secret=" + LINK_SECRET).applyTo(context);
  }
}
