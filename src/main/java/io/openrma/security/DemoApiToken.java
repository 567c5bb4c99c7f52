package io.openrma.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo run's API token for {@code shipbot} (carrier events and arrival scans), created on the first start
 * and printed once in the log, so the README's carrier example works without a password. Only with demo users,
 * never under the {@code postgres} profile.
 */
@Component
@ConditionalOnProperty(name = "openrma.security.demo-users", havingValue = "true")
class DemoApiToken {

  static final String USER = "shipbot";
  static final String NAME = "Demo carrier (demo run only)";

  private static final Logger log = LoggerFactory.getLogger(DemoApiToken.class);

  private final ApiTokens tokens;

  DemoApiToken(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @EventListener(ApplicationReadyEvent.class)
  void createOnFirstStart() {
    if (tokens.exists(USER, NAME)) {
      log.info("DEMO API token for {} exists (shown once, on the first start); revoke it with DELETE "
          + "/api/admin/tokens/{id} and create a new one with POST /api/admin/tokens", USER);
      return;
    }
    ApiTokens.Created created = tokens.create(NAME, USER,
        List.of(ApiScope.CARRIER_EVENTS.id(), ApiScope.WAREHOUSE_ARRIVALS.id()), "demo-run");
    log.warn("DEMO API token for {} (demo run only, never in production; shown only now): "
        + "Authorization: Bearer {}", USER, created.secret());
  }
}
