package io.openrma.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

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

/** The team hears in Slack (the live adapter, against its stand-in) when a return needs a person or a step broke. */
@LiveIntegrationsTest
class TeamChatLiveTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Jobs jobs;
  LiveReturns returns;

  @BeforeEach
  void setUp() {
    Stubs.reset();
    jobs = new Jobs(engine);
    returns = new LiveReturns(port, jobs);
  }

  @Test
  void aStepOutOfRetriesBecomesAnIncidentThatSlackHearsOfWithTheReturnAndTheStep() {
    String rma = returns.create(ReturnBodies.refundReturn(LiveReturns.id("pi_"), null, null));
    StandIns.API.stubFor(post(urlEqualTo("/shipstation/v2/labels")).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json")
        .withBody(ShipStationApi.error("system", "unspecified", null, "Service unavailable"))));

    for (int attempt = 1; attempt <= 3; attempt++) {
      jobs.fail(rma, ProcessIds.GENERATE_RETURN_LABEL);
    }

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(jobs.instances(rma).get(0)).count())
        .isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> StandIns.API.verify(1,
        postRequestedFor(urlEqualTo(StandIns.SLACK_HOOK))
            .withRequestBody(containing("Incident: \\\"Generate return label\\\" failed for " + rma))
            .withRequestBody(containing("HTTP 503"))));
    assertThat(StandIns.API.findAll(postRequestedFor(urlEqualTo(StandIns.SLACK_HOOK))
        .withRequestBody(containing("@example.com")))).isEmpty();
  }

  @Test
  void anAddressTheCarrierRefusesGoesToCustomerServiceAndSlackSaysSo() {
    String rma = returns.create(ReturnBodies.refundReturn(LiveReturns.id("pi_"), null, null));
    StandIns.API.stubFor(post(urlEqualTo("/shipstation/v2/labels")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody(ShipStationApi.error("carrier", "address_not_found", "shipment.ship_from.address_line1",
            "Address not found"))));

    jobs.run(rma, ProcessIds.GENERATE_RETURN_LABEL);

    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma).singleResult()
        .getTaskDefinitionKey()).isEqualTo(ProcessIds.TASK_FIX_ADDRESS);
    assertThat(engine.getRuntimeService().getVariable(jobs.instances(rma).get(0), ProcessIds.VAR_ADDRESS_PROBLEM))
        .asString().contains("Address not found");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> StandIns.API.verify(1,
        postRequestedFor(urlEqualTo(StandIns.SLACK_HOOK)).withRequestBody(containing("Fix return address: " + rma))));
  }
}
