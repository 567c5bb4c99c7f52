package io.openrma.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.openrma.support.MutableClock;
import org.junit.jupiter.api.Test;

/** Wrong passwords are counted per user and address, and a refusal ends when its time is up. */
class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(
      new SecurityProperties(null, null, true, new SecurityProperties.Throttle(5, Duration.ofMinutes(15),
          Duration.ofMinutes(5), 100), null),
      clock);

  @Test
  void theFifthWrongPasswordFromOneAddressRefusesThatAddressForThatUserOnly() {
    failures("carl", "203.0.113.7", 4);
    assertThat(throttle.refusedFor("carl", "203.0.113.7")).isEmpty();

    throttle.failed("carl", "203.0.113.7");

    assertThat(throttle.refusedFor("carl", "203.0.113.7")).contains(Duration.ofMinutes(5));
    assertThat(throttle.refusedFor("carl", "198.51.100.20")).isEmpty();
    assertThat(throttle.refusedFor("walt", "203.0.113.7")).isEmpty();
    assertThat(throttle.refusedFor("CARL", "203.0.113.7")).as("user ids in any case").isPresent();
  }

  @Test
  void theRefusalEndsWhenTheClockMovesOnAndCountingStartsOver() {
    failures("shipbot", "203.0.113.7", 50);
    clock.advance(Duration.ofMinutes(4));
    assertThat(throttle.refusedFor("shipbot", "203.0.113.7")).contains(Duration.ofMinutes(1));

    clock.advance(Duration.ofMinutes(1));

    assertThat(throttle.refusedFor("shipbot", "203.0.113.7")).isEmpty();
    failures("shipbot", "203.0.113.7", 4);
    assertThat(throttle.refusedFor("shipbot", "203.0.113.7")).isEmpty();
    throttle.failed("shipbot", "203.0.113.7");
    assertThat(throttle.refusedFor("shipbot", "203.0.113.7")).isPresent();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    failures("carl", "203.0.113.7", 4);
    clock.advance(Duration.ofMinutes(15));

    throttle.failed("carl", "203.0.113.7");

    assertThat(throttle.refusedFor("carl", "203.0.113.7")).isEmpty();
  }

  @Test
  void theRightPasswordStartsTheAddressOver() {
    failures("carl", "203.0.113.7", 4);

    throttle.succeeded("carl", "203.0.113.7");
    failures("carl", "203.0.113.7", 4);

    assertThat(throttle.refusedFor("carl", "203.0.113.7")).isEmpty();
  }

  @Test
  void keepsAtMostMaxEntriesPairsDroppingTheOldestFirst() {
    failures("carl", "203.0.113.7", 5);
    for (int i = 0; i < 150; i++) {
      clock.advance(Duration.ofSeconds(1));
      throttle.failed("user" + i, "198.51.100." + (i % 250));
    }

    assertThat(throttle.size()).isEqualTo(100);
    assertThat(throttle.refusedFor("carl", "203.0.113.7")).as("the oldest pair went first").isEmpty();
    assertThat(throttle.size()).isLessThanOrEqualTo(100);
  }

  private void failures(String user, String address, int count) {
    for (int i = 0; i < count; i++) {
      throttle.failed(user, address);
    }
  }
}
