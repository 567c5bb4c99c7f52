package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.openrma.support.Http;
import io.openrma.support.Jobs;
import io.openrma.support.LiveReturns;
import io.openrma.support.MutableClock;
import io.openrma.support.OpsTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an administrator sees in Cockpit when a step keeps failing: an incident whose message names the
 * failing system, the return and the step, without the customer's email address.
 */
@OpsTest
class IncidentMessageTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  MutableClock clock;

  @Test
  void aRefundThatKeepsFailingIsAnIncidentNamingStripeAndTheReturn() {
    clock.set(Instant.parse("2026-07-01T08:00:00Z"));
    LiveReturns lifecycle = new LiveReturns(port, new Jobs(engine));
    // the test's Stripe fails with a network error for PaymentIntents containing "outage"
    String rma = lifecycle.create(LiveReturns.openedElectronics("incident-" + System.nanoTime(), "pi_outage_1",
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    lifecycle.jobs().runDue(rma);
    lifecycle.arrive(rma, clock.instant());
    lifecycle.inspect(rma, "OPENED", "RESTOCK");
    assertThatThrownBy(() -> lifecycle.jobs().runDue(rma)) // Calculate refund, then Refund payment fails
        .isInstanceOf(ExternalSystemException.class);

    Job refund = engine.getManagementService().createJobQuery()
        .processInstanceId(lifecycle.jobs().processInstanceId(rma))
        .activityId(ProcessIds.REFUND_PAYMENT).singleResult();
    assertThat(refund.getExceptionMessage()).contains("Stripe", rma);
    // the return says that the step is being retried, not only where it stands
    JsonNode retrying = lifecycle.get(rma).get("process").get("retrying");
    assertThat(retrying).hasSize(1);
    assertThat(retrying.get(0).get("name").asText()).isEqualTo("Refund payment");
    assertThat(retrying.get(0).get("attemptsLeft").asInt()).isPositive()
        .isEqualTo(engine.getManagementService().createJobQuery().jobId(refund.getId()).singleResult().getRetries());
    assertThat(retrying.get(0).get("lastFailure").asText()).contains("Stripe");
    int attempts = 1;
    while (engine.getManagementService().createJobQuery().jobId(refund.getId()).singleResult().getRetries() > 0) {
      attempts++;
      assertThatThrownBy(() -> engine.getManagementService().executeJob(refund.getId()))
          .isInstanceOf(ExternalSystemException.class);
    }

    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(lifecycle.jobs().processInstanceId(rma)).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(ProcessIds.REFUND_PAYMENT);
    assertThat(incident.getIncidentMessage())
        .startsWith("Stripe: Refund payment failed for " + rma + ": Connection reset")
        .contains("<email>")
        .doesNotContain("jane@example.com");
    assertThat(lifecycle.status(rma)).isEqualTo("INSPECTED");
    // every failed attempt is on the timeline, by the step's name, without the email address
    List<String> failures = new ArrayList<>();
    lifecycle.get(rma).get("timeline").forEach(entry -> {
      if (entry.get("event").asText().equals("STEP_FAILED")) {
        assertThat(entry.get("actor").asText()).isEqualTo("Refund payment");
        failures.add(entry.get("detail").asText());
      }
    });
    assertThat(failures).hasSize(attempts).allSatisfy(detail -> assertThat(detail)
        .startsWith("Refund payment failed").contains("Connection reset").doesNotContain("jane@"));

    // "Retry" in Cockpit: the step is due at once and the return shows it being retried
    Http.Response retried = lifecycle.http().as("admin").put("/engine-rest/job/" + refund.getId() + "/retries",
        Map.of("retries", 1));
    assertThat(retried.status()).as(retried.body()).isEqualTo(204);
    JsonNode process = lifecycle.get(rma).get("process");
    assertThat(process.get("incidents")).isEmpty();
    assertThat(process.get("retrying").get(0).get("attemptsLeft").asInt()).isEqualTo(1);
    assertThat(Instant.parse(process.get("retrying").get(0).get("nextAttemptAt").asText()))
        .isBeforeOrEqualTo(Instant.now()); // the engine's clock, not the report's
    assertThat(engine.getManagementService().createJobQuery().jobId(refund.getId()).executable().count()).isOne();
  }
}
