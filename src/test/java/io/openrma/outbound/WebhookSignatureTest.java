package io.openrma.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnStatus;
import io.openrma.returns.ReturnStatusChanged;
import org.junit.jupiter.api.Test;

/** The signature partners verify, and the event id that identifies a status change. */
class WebhookSignatureTest {

  static final String SECRET = "partner-secret-0123456789";
  static final String BODY = "{\"id\":\"x\",\"status\":\"REFUNDED\"}";

  @Test
  void signsTimestampDotBodyWithHmacSha256() {
    // expected value from: printf '%s' '1762300800.<body>' | openssl dgst -sha256 -hmac '<secret>'
    assertThat(WebhookSignature.sign(SECRET, 1762300800L, BODY))
        .isEqualTo("sha256=6dd8779db460de8ce8137aea0e2064d1d8636537983a609d352f3e04f5649665");
  }

  @Test
  void verificationFailsForAnotherSecretTimestampOrBody() {
    String signature = WebhookSignature.sign(SECRET, 1762300800L, BODY);

    assertThat(WebhookSignature.verify(SECRET, 1762300800L, BODY, signature)).isTrue();
    assertThat(WebhookSignature.verify("another-secret-0123456789", 1762300800L, BODY, signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, 1762300801L, BODY, signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, 1762300800L, BODY.replace("REFUNDED", "CLOSED"), signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, 1762300800L, BODY, null)).isFalse();
  }

  @Test
  void eventIdIsTheSameForTheSameStatusChangeAndDiffersForAnother() {
    Instant at = Instant.parse("2026-11-04T10:00:00.123456Z");
    ReturnStatusChanged change = new ReturnStatusChanged(1, "RMA-001000", ReturnStatus.RECEIVED, ReturnStatus.INSPECTED,
        Actor.user("walt"), at);
    ReturnStatusChanged sameChangeSeenAgain = new ReturnStatusChanged(1, "RMA-001000", ReturnStatus.RECEIVED,
        ReturnStatus.INSPECTED, Actor.process("retry"), at);

    assertThat(OutboundEvent.of(sameChangeSeenAgain).id()).isEqualTo(OutboundEvent.of(change).id());
    assertThat(OutboundEvent.of(new ReturnStatusChanged(1, "RMA-001000", ReturnStatus.INSPECTED, ReturnStatus.REFUNDED,
        Actor.user("walt"), at)).id()).isNotEqualTo(OutboundEvent.of(change).id());
    assertThat(OutboundEvent.of(new ReturnStatusChanged(2, "RMA-001001", ReturnStatus.RECEIVED, ReturnStatus.INSPECTED,
        Actor.user("walt"), at)).id()).isNotEqualTo(OutboundEvent.of(change).id());
  }
}
