package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.openrma.support.MutableClock;
import org.junit.jupiter.api.Test;

/** Lookups counted per address and per order number, ten a minute each, found or not. */
class PortalLookupThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final LookupThrottle throttle = new LookupThrottle(new PortalProperties("Shop", null, null, null, null,
      null, Duration.ofDays(60), new PortalProperties.Lookups(10, 10, Duration.ofMinutes(1), 1_000),
      "http://localhost:8080", null, null, 0), clock);

  @Test
  void oneAddressTryingManyOrderNumbersWaitsAfterTheTenth() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.lookup("203.0.113.7", "#" + (2000 + i))).isEmpty();
    }

    assertThat(throttle.lookup("203.0.113.7", "#3000")).contains(Duration.ofMinutes(1));
    assertThat(throttle.lookup("198.51.100.20", "#3000")).as("another address").isEmpty();
  }

  @Test
  void oneOrderNumberTriedFromManyAddressesWaitsAfterTheTenthWhateverItsSpelling() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.lookup("203.0.113." + i, i % 2 == 0 ? "#1001" : " 1001 ")).isEmpty();
    }

    clock.advance(Duration.ofSeconds(20));
    assertThat(throttle.lookup("198.51.100.20", "#1001")).contains(Duration.ofSeconds(40));
    assertThat(throttle.lookup("198.51.100.20", "#1002")).isEmpty();
  }

  @Test
  void theWaitEndsWhenTheMinuteIsOver() {
    for (int i = 0; i < 10; i++) {
      throttle.lookup("203.0.113.7", "#1001");
    }
    assertThat(throttle.lookup("203.0.113.7", "#1001")).isPresent();

    clock.advance(Duration.ofMinutes(1));

    assertThat(throttle.lookup("203.0.113.7", "#1001")).isEmpty();
  }
}
