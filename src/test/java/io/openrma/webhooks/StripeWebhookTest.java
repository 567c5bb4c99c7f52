package io.openrma.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.openrma.support.Http;
import io.openrma.support.Jobs;
import io.openrma.support.LiveIntegrationsTest;
import io.openrma.support.LiveReturns;
import io.openrma.support.ReturnBodies;
import io.openrma.support.standins.StripeApi;
import io.openrma.support.standins.Stubs;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /webhooks/stripe} takes only events Stripe signed, each once. */
@LiveIntegrationsTest
class StripeWebhookTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  LiveReturns returns;
  String rma;
  String event;

  @BeforeEach
  void aReturnWithAPendingRefundEvent() {
    Stubs.reset();
    returns = new LiveReturns(port, new Jobs(engine));
    String paymentIntent = LiveReturns.id("pi_");
    rma = returns.create(ReturnBodies.refundReturn(paymentIntent, null, null));
    event = StripeApi.event(LiveReturns.id("evt_"), "refund.updated", StripeApi.refund(LiveReturns.id("re_"),
        paymentIntent, 6_902, "requires_action", null, Map.of("rma_number", rma, "attempt", "1")));
  }

  @Test
  void aValidSignatureIsAcceptedAndTheEventRecorded() {
    Http.Response response = returns.stripeEvent(event);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("outcome").asText()).isEqualTo("RECORDED");
    assertThat(response.json().get("rmaNumber").asText()).isEqualTo(rma);
    assertThat(returns.timelineEvents(rma)).contains("STRIPE_EVENT");
  }

  @Test
  void aTamperedBodyIsRefused() {
    String signature = StripeApi.signature(event, StripeApi.WEBHOOK_SECRET, Instant.now().getEpochSecond());

    Http.Response response = returns.stripeEvent(event.replace("requires_action", "succeeded"), signature);

    assertRefused(response);
  }

  @Test
  void aSignatureWithAnotherSecretIsRefused() {
    Http.Response response = returns.stripeEvent(event, StripeApi.signature(event, "whsec_someone_else",
        Instant.now().getEpochSecond()));

    assertRefused(response);
  }

  @Test
  void aSignatureOlderThanFiveMinutesIsRefused() {
    Http.Response response = returns.stripeEvent(event, StripeApi.signature(event, StripeApi.WEBHOOK_SECRET,
        Instant.now().minusSeconds(6 * 60).getEpochSecond()));

    assertRefused(response);
  }

  @Test
  void anEventWithoutSignatureIsRefused() {
    Http.Response response = returns.stripeEvent(event, null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aReplayedEventChangesNothing() {
    Http.Response first = returns.stripeEvent(event);
    // Stripe signs every delivery anew: a replay is valid, only its event id is known
    Http.Response replay = returns.stripeEvent(event);

    assertThat(first.json().get("outcome").asText()).isEqualTo("RECORDED");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(returns.timelineEvents(rma).stream().filter("STRIPE_EVENT"::equals)).hasSize(1);
  }

  @Test
  void eventsOpenRmaDoesNotUseAndRefundsItDidNotMakeAreIgnored() {
    Http.Response otherType = returns.stripeEvent(StripeApi.event(LiveReturns.id("evt_"), "customer.created",
        "{\"id\":\"cus_1\",\"object\":\"customer\"}"));
    Http.Response otherRefund = returns.stripeEvent(StripeApi.event(LiveReturns.id("evt_"), "refund.updated",
        StripeApi.refund(LiveReturns.id("re_"), LiveReturns.id("pi_"), 100, "succeeded", null, Map.of())));

    assertThat(otherType.status()).isEqualTo(200);
    assertThat(otherType.json().get("outcome").asText()).isEqualTo("IGNORED");
    assertThat(otherRefund.status()).isEqualTo(200);
    assertThat(otherRefund.json().get("outcome").asText()).isEqualTo("IGNORED");
  }

  private void assertRefused(Http.Response response) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains("does not verify");
    assertThat(returns.timelineEvents(rma)).doesNotContain("STRIPE_EVENT");
  }
}
