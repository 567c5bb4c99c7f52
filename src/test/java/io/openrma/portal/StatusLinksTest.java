package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import io.openrma.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The status links' key: required in production, random (and said so) in the demo run. */
class StatusLinksTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

  private static PortalProperties properties(String secret) {
    return new PortalProperties("Shop", null, null, null, null, secret, Duration.ofDays(60),
        new PortalProperties.Lookups(10, 10, Duration.ofMinutes(1), 1_000), "https://returns.shop.example", null, null,
        0);
  }

  @Test
  void withoutAKeyTheProductionProfileDoesNotStart() {
    assertThatThrownBy(() -> new StatusLinks(properties(null), clock, true))
        .hasMessageContaining("OPENRMA_PORTAL_LINK_SECRET");
  }

  @Test
  void theDemoRunSignsWithARandomKeyThatStillVerifiesItsOwnLinks() {
    StatusLinks links = new StatusLinks(properties(null), clock, false);
    assertThat(links.check(links.issue("RMA-001234"))).isEqualTo(new StatusLinks.Valid("RMA-001234"));
  }

  @Test
  void twoNodesWithTheSameKeyAcceptEachOthersLinksAndTheEmailsLinkPointsAtThePublicUrl() {
    String key = "a-key-of-at-least-thirty-two-characters";
    StatusLinks one = new StatusLinks(properties(key), clock, true);
    StatusLinks other = new StatusLinks(properties(key), clock, true);
    assertThat(other.check(one.issue("RMA-001234"))).isEqualTo(new StatusLinks.Valid("RMA-001234"));
    assertThat(new PortalStatusPageLinks(one, properties(key)).statusPage("RMA-001234")).hasValueSatisfying(
        link -> assertThat(link).startsWith("https://returns.shop.example/returns/status/RMA-001234."));
  }
}
