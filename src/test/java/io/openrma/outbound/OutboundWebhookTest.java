package io.openrma.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.openrma.support.OpsServers.PARTNER;
import static io.openrma.support.OpsServers.PARTNER_PATH;
import static io.openrma.support.OpsServers.PARTNER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openrma.returns.Actor;
import io.openrma.returns.ReturnStatus;
import io.openrma.returns.ReturnStatusChanged;
import io.openrma.support.Jobs;
import io.openrma.support.LiveReturns;
import io.openrma.support.MutableClock;
import io.openrma.support.OpsServers;
import io.openrma.support.OpsTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner configured as subscriber "partner" (WireMock) receives every status change of a return
 * as a signed event, exactly once when it answers 2xx, again with the same id and body when it did
 * not, and an administrator finds a delivery that keeps failing as an incident.
 */
@OpsTest
class OutboundWebhookTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  MutableClock clock;
  @Autowired
  OutboundDeliveries deliveries;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  JdbcClient jdbc;
  LiveReturns lifecycle;

  @BeforeEach
  void setUp() {
    lifecycle = new LiveReturns(port, new Jobs(engine));
    clock.set(Instant.parse("2026-06-01T08:00:00Z"));
  }

  @AfterEach
  void partnerAnswersAgain() {
    OpsServers.resetStubs();
  }

  @Test
  void everyStatusChangeIsDeliveredOnceSignedAndWithItsOwnEventId() throws Exception {
    String rma = newReturn();
    lifecycle.jobs().runDue(rma); // REQUESTED, APPROVED, LABEL_ISSUED
    clock.advance(Duration.ofSeconds(30));

    assertThat(deliverAll(rma)).isEqualTo(3);
    assertThat(deliverAll(rma)).as("nothing is left to deliver").isZero();

    List<LoggedRequest> received = receivedFor(rma);
    assertThat(received).extracting(r -> body(r).get("status").asText())
        .containsExactlyInAnyOrder("REQUESTED", "APPROVED", "LABEL_ISSUED");
    for (LoggedRequest request : received) {
      JsonNode event = body(request);
      long timestamp = Long.parseLong(request.getHeader(WebhookSignature.TIMESTAMP_HEADER));
      assertThat(timestamp).isEqualTo(clock.instant().getEpochSecond());
      assertThat(WebhookSignature.verify(PARTNER_SECRET, timestamp, request.getBodyAsString(),
          request.getHeader(WebhookSignature.SIGNATURE_HEADER))).as("signature").isTrue();
      assertThat(request.getHeader(WebhookSignature.SIGNATURE_HEADER)).startsWith("sha256=");
      assertThat(request.getHeader(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(event.get("id").asText());
      assertThat(event.get("type").asText()).isEqualTo("return.status_changed");
      assertThat(event.get("rmaNumber").asText()).isEqualTo(rma);
      assertThat(Instant.parse(event.get("occurredAt").asText())).isBefore(clock.instant());
      assertThat(request.getBodyAsString()).doesNotContain("@customers.example", "Jane", "Main St");
    }
    assertThat(received).extracting(r -> r.getHeader(WebhookSignature.EVENT_ID_HEADER)).doesNotHaveDuplicates();
    assertThat(successfulEventIds()).doesNotHaveDuplicates();
    assertThat(deliveries.ofReturn(rma)).hasSize(3).allSatisfy(delivery -> {
      assertThat(delivery.subscriber()).isEqualTo(PARTNER);
      assertThat(delivery.state()).isEqualTo(OutboundDelivery.State.DELIVERED);
      assertThat(delivery.attempts()).isEqualTo(1);
      assertThat(delivery.lastHttpStatus()).isEqualTo(200);
    });
  }

  @Test
  void aDeliveryAnsweredWith500IsRetriedWithTheSameEventIdAndBody() throws Exception {
    String rma = newReturn();
    OpsServers.http().stubFor(post(urlEqualTo(PARTNER_PATH)).withRequestBody(containing(rma))
        .inScenario(rma).whenScenarioStateIs(STARTED).willSetStateTo("recovered")
        .willReturn(aResponse().withStatus(500).withBody("partner database down")));
    OpsServers.http().stubFor(post(urlEqualTo(PARTNER_PATH)).withRequestBody(containing(rma))
        .inScenario(rma).whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(202)));
    OutboundDelivery requested = delivery(rma, "REQUESTED");
    Job job = deliveryJob(requested);

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("HTTP 500");
    Job retry = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retry.getRetries()).as("retries left").isEqualTo(2);
    assertThat(retry.getDuedate()).as("retried after the configured interval").isInTheFuture();

    clock.advance(Duration.ofMinutes(1));
    engine.getManagementService().executeJob(job.getId());

    List<LoggedRequest> attempts = receivedFor(rma).stream()
        .filter(r -> body(r).get("status").asText().equals("REQUESTED")).toList();
    assertThat(attempts).hasSize(2);
    assertThat(attempts).extracting(r -> r.getHeader(WebhookSignature.EVENT_ID_HEADER))
        .containsOnly(requested.eventId());
    assertThat(attempts.get(1).getBodyAsString()).isEqualTo(attempts.get(0).getBodyAsString());
    assertThat(attempts).extracting(r -> r.getHeader(WebhookSignature.TIMESTAMP_HEADER)).doesNotHaveDuplicates();
    assertThat(attempts).allSatisfy(r -> assertThat(WebhookSignature.verify(PARTNER_SECRET,
        Long.parseLong(r.getHeader(WebhookSignature.TIMESTAMP_HEADER)), r.getBodyAsString(),
        r.getHeader(WebhookSignature.SIGNATURE_HEADER))).isTrue());

    OutboundDelivery delivered = deliveries.find(requested.id()).orElseThrow();
    assertThat(delivered.state()).isEqualTo(OutboundDelivery.State.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(2);
    assertThat(deliveries.attempts(requested.id())).extracting(OutboundDeliveries.Attempt::httpStatus)
        .containsExactly(500, 202);
    assertThat(deliveries.attempts(requested.id()).get(0).error()).isEqualTo("partner database down");
    assertThat(successfulEventIds()).doesNotHaveDuplicates();
  }

  @Test
  void aDeliveryThatKeepsFailingBecomesAnIncidentNamingTheSubscriberAndTheReturn() {
    String rma = newReturn();
    OpsServers.http().stubFor(post(urlEqualTo(PARTNER_PATH)).withRequestBody(containing(rma))
        .willReturn(aResponse().withStatus(503)));
    OutboundDelivery approved = delivery(rma, "APPROVED");
    Job job = deliveryJob(approved);

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("503");
    }

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId())
        .singleResult();
    assertThat(incident).as("incident after the last retry").isNotNull();
    assertThat(incident.getIncidentMessage()).contains("Webhook " + PARTNER, rma, "HTTP 503");
    assertThat(deliveries.find(approved.id()).orElseThrow().attempts()).isEqualTo(3);

    // the partner is back; the administrator retries the job in Cockpit
    OpsServers.resetStubs();
    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());
    assertThat(deliveries.find(approved.id()).orElseThrow().state()).isEqualTo(OutboundDelivery.State.DELIVERED);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
        .isZero();
  }

  @Test
  void theSameStatusChangeSeenTwiceIsDeliveredOnce() {
    String rma = newReturn();
    long returnId = jdbc.sql("SELECT id FROM rma_return WHERE rma_number = :rma").param("rma", rma)
        .query(Long.class).single();
    ReturnStatusChanged change = new ReturnStatusChanged(returnId, rma, ReturnStatus.APPROVED, ReturnStatus.CANCELLED,
        Actor.system("test"), clock.instant());

    transactions.executeWithoutResult(status -> {
      events.publishEvent(change);
      events.publishEvent(change);
    });

    assertThat(deliveries.ofReturn(rma)).filteredOn(d -> d.status().equals("CANCELLED")).hasSize(1)
        .first().extracting(OutboundDelivery::eventId).isEqualTo(OutboundEvent.of(change).id());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(OutboundDeliveryProcess.KEY).processInstanceBusinessKey(rma)
        .variableValueEquals(OutboundDeliveryProcess.VAR_RETURN_STATUS, "CANCELLED").count()).isEqualTo(1);
  }

  private String newReturn() {
    return lifecycle.create(LiveReturns.openedElectronics("webhook-" + System.nanoTime(), "pi_webhook",
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
  }

  private OutboundDelivery delivery(String rma, String status) {
    return deliveries.ofReturn(rma).stream().filter(d -> d.status().equals(status)).findFirst().orElseThrow();
  }

  private Job deliveryJob(OutboundDelivery delivery) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(OutboundDeliveryProcess.KEY)
        .variableValueEquals(OutboundDeliveryProcess.VAR_DELIVERY_ID, delivery.id()).singleResult().getId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
  }

  /** Runs the due delivery jobs of this return, like the job executor; returns how many ran. */
  private int deliverAll(String rma) {
    List<Job> jobs = engine.getManagementService().createJobQuery()
        .processDefinitionKey(OutboundDeliveryProcess.KEY).executable().list().stream()
        .filter(job -> rma.equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return jobs.size();
  }

  private static List<LoggedRequest> receivedFor(String rma) {
    return OpsServers.http().getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .filter(r -> r.getUrl().equals(PARTNER_PATH) && body(r).get("rmaNumber").asText().equals(rma))
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .toList();
  }

  /** The event ids the partner accepted (2xx), over everything it received in this test run. */
  private static List<String> successfulEventIds() {
    return OpsServers.http().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals(PARTNER_PATH) && e.getResponse().getStatus() / 100 == 2)
        .map(e -> e.getRequest().getHeader(WebhookSignature.EVENT_ID_HEADER))
        .toList();
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
