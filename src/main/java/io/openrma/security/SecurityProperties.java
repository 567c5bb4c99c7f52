package io.openrma.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openrma.security.*}: who the first administrator is, and how failed passwords are throttled.
 * In the demo run (H2, default profile) the demo users of the README are created instead; under the
 * {@code postgres} profile {@code adminPassword} must come from the environment ({@code OPENRMA_ADMIN_PASSWORD}).
 *
 * @param adminUser     id of the administrator created at first start
 * @param adminPassword its password; required unless demo users are enabled
 * @param demoUsers     create the demo users and groups members of the README, and a demo API token for
 *                      {@code shipbot} (demo run only)
 * @param loginThrottle how many wrong passwords one address may send for one user, see {@link LoginThrottle}
 * @param callerCache   how long a recognised API caller (password or token) is remembered, see
 *                      {@link RecentCallers}; {@code 0s} checks every request
 */
@ConfigurationProperties("openrma.security")
public record SecurityProperties(String adminUser, String adminPassword, boolean demoUsers, Throttle loginThrottle,
    Duration callerCache) {

  public SecurityProperties {
    if (adminUser == null || adminUser.isBlank()) {
      adminUser = "admin";
    }
    if (loginThrottle == null) {
      loginThrottle = new Throttle(0, null, null, 0);
    }
    if (callerCache == null || callerCache.isNegative()) {
      callerCache = Duration.ofSeconds(30);
    }
  }

  /**
   * {@code openrma.security.login-throttle.*}.
   *
   * @param maxFailures wrong passwords for one user from one address within {@code window} before that address
   *                    is refused for that user
   * @param window      how long a failure counts
   * @param refusal     how long the address is then refused for that user (429 with {@code Retry-After})
   * @param maxEntries  (user, address) pairs kept in memory at most; the oldest go first
   */
  public record Throttle(int maxFailures, Duration window, Duration refusal, int maxEntries) {

    public Throttle {
      maxFailures = maxFailures > 0 ? maxFailures : 5;
      window = window != null ? window : Duration.ofMinutes(15);
      refusal = refusal != null ? refusal : Duration.ofMinutes(5);
      maxEntries = maxEntries > 0 ? maxEntries : 10_000;
    }
  }
}
