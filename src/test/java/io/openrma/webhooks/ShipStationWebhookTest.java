package io.openrma.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.openrma.process.ProcessIds;
import io.openrma.support.Http;
import io.openrma.support.Jobs;
import io.openrma.support.LiveIntegrationsTest;
import io.openrma.support.LiveReturns;
import io.openrma.support.ReturnBodies;
import io.openrma.support.StandIns;
import io.openrma.support.standins.ShipStationApi;
import io.openrma.support.standins.Stubs;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /webhooks/shipstation} takes only tracking events ShipStation signed (RSA-SHA256 with a
 * key from its JWKS, here the stand-in's), and a pick-up moves the return once.
 */
@LiveIntegrationsTest
class ShipStationWebhookTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  LiveReturns returns;
  String rma;
  String pickUp;

  @BeforeEach
  void aReturnWithALabel() {
    Stubs.reset();
    Jobs jobs = new Jobs(engine);
    returns = new LiveReturns(port, jobs);
    rma = returns.create(ReturnBodies.refundReturn(LiveReturns.id("pi_"), null, null));
    String tracking = Stubs.label(rma);
    jobs.runUntilWaiting(rma);
    pickUp = ShipStationApi.trackEvent(tracking, "AC", "Picked up", Instant.now().minusSeconds(60).toString());
  }

  @Test
  void aSignedPickUpMovesTheReturnInTransitOnce() {
    Http.Response first = returns.shipStationEvent(pickUp);
    Http.Response again = returns.shipStationEvent(pickUp);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("outcome").asText()).isEqualTo("DELIVERED");
    assertThat(again.json().get("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(returns.status(rma)).isEqualTo("IN_TRANSIT");
    assertThat(returns.timelineEvents(rma).stream().filter("CARRIER_EVENT"::equals)).hasSize(1);
  }

  @Test
  void aTamperedBodyIsRefused() {
    String timestamp = Instant.now().toString();
    String signature = StandIns.SHIPSTATION_SIGNER.sign(timestamp, pickUp);

    Http.Response response = returns.shipStationEvent(pickUp.replace("\"AC\"", "\"DE\""),
        StandIns.SHIPSTATION_SIGNER.keyId(), timestamp, signature);

    assertRefused(response, 401);
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() {
    ShipStationApi.Signer impostor = new ShipStationApi.Signer(StandIns.SHIPSTATION_SIGNER.keyId());
    String timestamp = Instant.now().toString();

    Http.Response response = returns.shipStationEvent(pickUp, impostor.keyId(), timestamp,
        impostor.sign(timestamp, pickUp));

    assertRefused(response, 401);
  }

  @Test
  void anUnknownKeyIdIsRefused() {
    String timestamp = Instant.now().toString();

    Http.Response response = returns.shipStationEvent(pickUp, "not-a-shipstation-key", timestamp,
        StandIns.SHIPSTATION_SIGNER.sign(timestamp, pickUp));

    assertRefused(response, 401);
  }

  @Test
  void aStaleTimestampIsRefused() {
    String timestamp = Instant.now().minusSeconds(6 * 60).toString();

    Http.Response response = returns.shipStationEvent(pickUp, StandIns.SHIPSTATION_SIGNER.keyId(), timestamp,
        StandIns.SHIPSTATION_SIGNER.sign(timestamp, pickUp));

    assertRefused(response, 400);
  }

  @Test
  void withoutSignatureHeadersTheEndpointLooksAbsent() {
    Http.Response response = returns.shipStationEvent(pickUp, null, null, null);

    assertRefused(response, 404);
  }

  @Test
  void trackingOfParcelsThatAreNoReturnsIsIgnored() {
    Http.Response response = returns.shipStationEvent(ShipStationApi.trackEvent("1Z999AA10123456784", "IT",
        "In transit", Instant.now().toString()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("message").asText()).contains("Not the tracking number of a return label");
  }

  private void assertRefused(Http.Response response, int status) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(returns.status(rma)).isEqualTo("LABEL_ISSUED");
    assertThat(new Jobs(engine).instances(rma)).hasSize(1);
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(rma)
        .activityId(ProcessIds.ITEM_PICKED_UP).count()).isEqualTo(1);
  }
}
