package io.openrma.integrations.bookkeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code /actuator/health} component {@code quickBooks}: "reconnect QuickBooks" once Intuit refused the refresh
 * token, and the refresh token's hard expiry ahead of time. Status {@code UNKNOWN}, not {@code DOWN}: OpenRMA
 * itself works on (the books step waits in its incident), so a load balancer must not take the node out.
 */
public class QuickBooksHealth implements HealthIndicator {

  /** From this long before its expiry the refresh token is a warning. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(14);

  private final QuickBooksTokens tokens;
  private final Clock clock;

  public QuickBooksHealth(QuickBooksTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Health health() {
    return tokens.connection().map(connection -> {
      if (connection.refusedAt() != null) {
        return Health.unknown().withDetail("warning", "reconnect QuickBooks: Intuit refused the refresh token ("
            + connection.refusedReason() + ") at " + connection.refusedAt()).build();
      }
      Instant expires = connection.refreshExpiresAt();
      Health.Builder health = Health.up();
      if (expires != null) {
        health.withDetail("refreshTokenExpiresAt", expires.toString());
        if (expires.isBefore(clock.instant().plus(EXPIRY_WARNING))) {
          health.unknown().withDetail("warning", "the QuickBooks refresh token expires at " + expires
              + " unless a refund is booked before; else reconnect QuickBooks");
        }
      }
      return health.build();
    }).orElseGet(() -> Health.unknown().withDetail("warning", "QuickBooks is not connected yet: set "
        + "QUICKBOOKS_REFRESH_TOKEN (README: Connect QuickBooks)").build());
  }
}
