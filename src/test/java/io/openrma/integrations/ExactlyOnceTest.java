package io.openrma.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openrma.process.ProcessIds;
import io.openrma.support.Jobs;
import io.openrma.support.LiveIntegrationsTest;
import io.openrma.support.LiveReturns;
import io.openrma.support.ReturnBodies;
import io.openrma.support.StandIns;
import io.openrma.support.standins.ShipStationApi;
import io.openrma.support.standins.StripeApi;
import io.openrma.support.standins.Stubs;
import io.openrma.support.standins.ZendeskApi;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every external effect happens once although the step that causes it fails and the engine retries
 * it: first a server error, then a timeout after which the other system did act, then success.
 */
@LiveIntegrationsTest
class ExactlyOnceTest {

  /** Longer than the adapters' read timeout in tests (2 s): the call times out, the other system acts anyway. */
  static final int SLOWER_THAN_TIMEOUT = 3_000;

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
  void theRefundIsIssuedOnceWhenStripeFailsWith500AndThenTimesOut() {
    String paymentIntent = LiveReturns.id("pi_");
    Stubs.payment(paymentIntent, 9_000, 0);
    String rma = returns.create(ReturnBodies.refundReturn(paymentIntent, null, null));
    returns.shipAndInspect(rma, Stubs.label(rma));
    jobs.run(rma, ProcessIds.CALCULATE_REFUND);
    String refund = StripeApi.refund("re_" + rma, paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "succeeded",
        null, Map.of("rma_number", rma, "attempt", "1"));
    StandIns.API.stubFor(post(urlEqualTo("/stripe/v1/refunds")).inScenario("refund")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("timeout")
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withBody(StripeApi.error("api_error", null, null, "An unknown error occurred"))));
    StandIns.API.stubFor(post(urlEqualTo("/stripe/v1/refunds")).inScenario("refund")
        .whenScenarioStateIs("timeout").willSetStateTo("refunded")
        .willReturn(okJson(refund).withFixedDelay(SLOWER_THAN_TIMEOUT)));
    StandIns.API.stubFor(post(urlEqualTo("/stripe/v1/refunds")).inScenario("refund")
        .whenScenarioStateIs("refunded")
        .willReturn(okJson(refund).withHeader("Idempotent-Replayed", "true")));

    assertThat(jobs.fail(rma, ProcessIds.REFUND_PAYMENT)).hasMessageContaining("HTTP 500");
    assertThat(jobs.at(rma, ProcessIds.REFUND_PAYMENT).getRetries()).isEqualTo(2);
    assertThat(jobs.fail(rma, ProcessIds.REFUND_PAYMENT)).hasMessageContaining("no answer");
    assertThat(jobs.at(rma, ProcessIds.REFUND_PAYMENT).getRetries()).isEqualTo(1);
    jobs.run(rma, ProcessIds.REFUND_PAYMENT);
    jobs.runUntilWaiting(rma);

    List<LoggedRequest> attempts = StandIns.API.findAll(postRequestedFor(urlEqualTo("/stripe/v1/refunds")));
    assertThat(attempts).hasSize(3);
    assertThat(attempts).extracting(request -> request.getHeader("Idempotency-Key"))
        .containsOnly(rma + ":RefundPayment:1");
    assertThat(returns.status(rma)).isEqualTo("CLOSED");
    assertThat(returns.get(rma).get("refund").get("refundId").asText()).isEqualTo("re_" + rma);
    assertThat(returns.timelineEvents(rma).stream().filter("REFUND_SUCCEEDED"::equals)).hasSize(1);
  }

  @Test
  void theLabelIsBoughtOnceWhenShipStationFailsWith500AndThenTimesOut() {
    String rma = returns.create(ReturnBodies.refundReturn(LiveReturns.id("pi_"), null, null));
    String tracking = Stubs.trackingNumber();
    String pdfUrl = StandIns.url("/shipstation/v2/downloads/10/" + rma + "/label.pdf");
    String label = ShipStationApi.label("se-77" + tracking.substring(0, 6), "se-1013119", tracking, rma, pdfUrl);
    String lookup = "/shipstation/v2/shipments/external_shipment_id/" + rma + "-.*";
    for (String before : List.of(Scenario.STARTED, "timeout")) {
      StandIns.API.stubFor(get(urlPathMatching(lookup)).inScenario("label").whenScenarioStateIs(before)
          .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
              .withBody(ShipStationApi.error("system", "not_found", null, "Shipment not found"))));
    }
    StandIns.API.stubFor(post(urlEqualTo("/shipstation/v2/labels")).inScenario("label")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("timeout")
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withBody(ShipStationApi.error("system", "unspecified", null, "An unknown error occurred"))));
    StandIns.API.stubFor(post(urlEqualTo("/shipstation/v2/labels")).inScenario("label")
        .whenScenarioStateIs("timeout").willSetStateTo("bought")
        .willReturn(okJson(label).withFixedDelay(SLOWER_THAN_TIMEOUT)));
    StandIns.API.stubFor(get(urlPathMatching(lookup)).inScenario("label").whenScenarioStateIs("bought")
        .willReturn(okJson(ShipStationApi.shipment("se-1013119", rma))));
    StandIns.API.stubFor(get(urlEqualTo("/shipstation/v2/labels?shipment_id=se-1013119")).inScenario("label")
        .whenScenarioStateIs("bought").willReturn(okJson(ShipStationApi.labels(label))));
    StandIns.API.stubFor(get(urlEqualTo("/shipstation/v2/downloads/10/" + rma + "/label.pdf"))
        .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(Stubs.labelPdf(tracking))));

    assertThat(jobs.fail(rma, ProcessIds.GENERATE_RETURN_LABEL)).hasMessageContaining("HTTP 500");
    assertThat(jobs.fail(rma, ProcessIds.GENERATE_RETURN_LABEL)).hasMessageContaining("no answer");
    jobs.run(rma, ProcessIds.GENERATE_RETURN_LABEL);

    assertThat(StandIns.API.findAll(postRequestedFor(urlEqualTo("/shipstation/v2/labels")))).hasSize(2);
    assertThat(returns.status(rma)).isEqualTo("LABEL_ISSUED");
    assertThat(returns.get(rma).get("label").get("trackingNumber").asText()).isEqualTo(tracking);
    assertThat(returns.timelineEvents(rma).stream().filter("LABEL_ISSUED"::equals)).hasSize(1);
  }

  @Test
  void theLabelCommentGoesOnTheTicketOnceWhenZendeskFailsWith500AndThenTimesOut() {
    String ticket = String.valueOf(System.nanoTime() % 1_000_000_000L);
    String rma = returns.create(ReturnBodies.refundReturn(LiveReturns.id("pi_"), ticket, null));
    Stubs.label(rma);
    jobs.run(rma, ProcessIds.GENERATE_RETURN_LABEL);
    jobs.run(rma, ProcessIds.SEND_RETURN_EMAIL);
    String comments = "/zendesk/api/v2/tickets/" + ticket + "/comments";
    String customersComment = ZendeskApi.comments(ZendeskApi.comment(1, "The shirt does not fit.", true, List.of()));
    for (String before : List.of(Scenario.STARTED, "timeout")) {
      StandIns.API.stubFor(get(urlPathEqualTo(comments)).inScenario("ticket").whenScenarioStateIs(before)
          .willReturn(okJson(customersComment)));
    }
    StandIns.API.stubFor(post(urlPathEqualTo("/zendesk/api/v2/uploads")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(ZendeskApi.upload("tok-label", "return-label-" + rma + ".pdf", 498483))));
    StandIns.API.stubFor(put(urlEqualTo("/zendesk/api/v2/tickets/" + ticket)).inScenario("ticket")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("timeout")
        .willReturn(aResponse().withStatus(500).withBody("")));
    StandIns.API.stubFor(put(urlEqualTo("/zendesk/api/v2/tickets/" + ticket)).inScenario("ticket")
        .whenScenarioStateIs("timeout").willSetStateTo("commented")
        .willReturn(okJson(ZendeskApi.ticket(ticket)).withFixedDelay(SLOWER_THAN_TIMEOUT)));
    StandIns.API.stubFor(get(urlPathEqualTo(comments)).inScenario("ticket").whenScenarioStateIs("commented")
        .willReturn(okJson(ZendeskApi.comments(
            ZendeskApi.comment(2, "Your return " + rma + " is approved.", true,
                List.of(ZendeskApi.attachment(498483, "return-label-" + rma + ".pdf"))),
            ZendeskApi.comment(1, "The shirt does not fit.", true, List.of())))));
    StandIns.API.stubFor(put(urlEqualTo("/zendesk/api/v2/tickets/" + ticket)).inScenario("ticket")
        .whenScenarioStateIs("commented").willReturn(okJson(ZendeskApi.ticket(ticket))));

    assertThat(jobs.fail(rma, ProcessIds.ATTACH_LABEL_TO_ZENDESK)).hasMessageContaining("HTTP 500");
    assertThat(jobs.fail(rma, ProcessIds.ATTACH_LABEL_TO_ZENDESK)).hasMessageContaining("no answer");
    jobs.run(rma, ProcessIds.ATTACH_LABEL_TO_ZENDESK);
    jobs.run(rma, ProcessIds.UPDATE_ZENDESK_TRACKING);

    // two tries carried the label, the second got through; the third found it and posted nothing
    assertThat(StandIns.API.findAll(putRequestedFor(urlEqualTo("/zendesk/api/v2/tickets/" + ticket))
        .withRequestBody(matchingJsonPath("$.ticket.comment.uploads")))).hasSize(2);
    assertThat(StandIns.API.findAll(putRequestedFor(urlEqualTo("/zendesk/api/v2/tickets/" + ticket))
        .withRequestBody(matchingJsonPath("$.ticket.additional_tags")))).hasSize(1);
    assertThat(returns.timelineEvents(rma).stream().filter("TICKET_UPDATED"::equals)).hasSize(2);
  }

  @Test
  void theLabelEmailIsSentOnceWhenTheMailServerResetsTheConnectionTwiceAndAgainWhenTheStepIsRepeated()
      throws Exception {
    String rma = returns.create(ReturnBodies.refundReturn(LiveReturns.id("pi_"), null, null));
    Stubs.label(rma);
    jobs.run(rma, ProcessIds.GENERATE_RETURN_LABEL);
    StandIns.SMTP.resetNext(2);

    assertThat(jobs.fail(rma, ProcessIds.SEND_RETURN_EMAIL)).hasMessageContaining("Email");
    assertThat(jobs.fail(rma, ProcessIds.SEND_RETURN_EMAIL)).hasMessageContaining("Email");
    jobs.run(rma, ProcessIds.SEND_RETURN_EMAIL);
    // an operator runs the step again from Cockpit: the sent-marker keeps the customer from a second email
    String instance = jobs.instances(rma).get(0);
    engine.getRuntimeService().createProcessInstanceModification(instance)
        .startBeforeActivity(ProcessIds.SEND_RETURN_EMAIL).execute();
    jobs.run(rma, ProcessIds.SEND_RETURN_EMAIL);

    List<MimeMessage> emails = LiveLifecycleTest.emailsAbout(rma);
    assertThat(emails).hasSize(1);
    assertThat(emails.get(0).getMessageID()).isEqualTo("<" + rma + ".return-label@openrma>");
    assertThat(StandIns.SMTP.connections()).isGreaterThanOrEqualTo(3);
  }
}
