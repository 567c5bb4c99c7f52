package io.openrma.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.openrma.outbound.OutboundDeliveryProcess;
import io.openrma.process.ProcessIds;
import io.openrma.process.ReturnLifecycle;
import io.openrma.returns.Actor;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.support.DockerFiles;
import io.openrma.support.Http;
import io.openrma.support.Jobs;
import io.openrma.support.LiveReturns;
import io.openrma.support.MutableClock;
import io.openrma.support.OpsTest;
import io.openrma.support.PrometheusScrape;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What Prometheus reads after a return went through its whole lifecycle: counters and amounts grow by
 * exactly that return, the stage timers hold the time the clock moved between the stages, the gauges
 * agree with the database and the engine, and every metric the Grafana dashboard queries exists.
 */
@OpsTest
class ReturnMetricsTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  MutableClock clock;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ReturnService returns;
  @Autowired
  ReturnLifecycle refundProblems;
  LiveReturns lifecycle;

  @BeforeEach
  void setUp() {
    lifecycle = new LiveReturns(port, new Jobs(engine));
    clock.set(Instant.parse("2026-05-04T08:00:00Z"));
  }

  @Test
  void aReturnsLifecycleShowsInCountersAmountsAndStageTimes() throws Exception {
    PrometheusScrape before = scrape();

    String rma = lifecycle.create(LiveReturns.openedElectronics("metrics-" + System.nanoTime(), "pi_metrics",
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    clock.advance(Duration.ofMinutes(90));
    lifecycle.jobs().runDue(rma); // label issued 1.5 h after the request
    assertThat(lifecycle.status(rma)).isEqualTo("LABEL_ISSUED");
    clock.advance(Duration.ofDays(3));
    lifecycle.arrive(rma, clock.instant()); // arrives 3 days after the label
    clock.advance(Duration.ofDays(1));
    lifecycle.inspect(rma, "OPENED", "RESTOCK");
    lifecycle.jobs().runDue(rma); // refunded 1 day after the arrival
    assertThat(lifecycle.status(rma)).isEqualTo("CLOSED");
    int events = deliverOutboundEvents(rma); // to the subscriber of the test context

    PrometheusScrape after = scrape();
    Map<String, Object> refund = jdbc.sql("SELECT refund_total, restocking_fee FROM rma_return WHERE rma_number = :rma")
        .param("rma", rma).query().singleRow();
    long total = ((Number) refund.get("refund_total")).longValue();
    long fee = ((Number) refund.get("restocking_fee")).longValue();
    assertThat(fee).as("the policy's 15 % restocking fee").isEqualTo(2985);
    assertThat(total).isEqualTo(16915);

    assertThat(delta(before, after, "openrma_returns_requested_total")).isEqualTo(1);
    assertThat(delta(before, after, "openrma_returns_closed_total", "status", "CLOSED")).isEqualTo(1);
    for (String status : new String[]{"REQUESTED", "APPROVED", "LABEL_ISSUED", "RECEIVED", "INSPECTED", "REFUNDED",
        "CLOSED"}) {
      assertThat(delta(before, after, "openrma_return_status_changes_total", "status", status)).as(status).isEqualTo(1);
    }
    assertThat(events).isEqualTo(7);
    assertThat(delta(before, after, "openrma_outbound_deliveries_total", "subscriber", "partner", "outcome",
        "delivered")).isEqualTo(events);
    assertThat(delta(before, after, "openrma_refunds_amount_count", "currency", "EUR", "kind", "payment")).isEqualTo(1);
    assertThat(delta(before, after, "openrma_refunds_amount_sum", "currency", "EUR", "kind", "payment"))
        .isEqualTo(total);
    assertThat(delta(before, after, "openrma_refunds_fees_sum", "currency", "EUR")).isEqualTo(fee);

    assertThat(DockerFiles.dashboardMetrics()).as("the Grafana dashboard's metrics exist")
        .allSatisfy(name -> assertThat(after.has(name)).as(name).isTrue());

    assertStage(before, after, "request_to_label", Duration.ofMinutes(90), "3600.0", "14400.0");
    assertStage(before, after, "label_to_arrival", Duration.ofDays(3), "172800.0", "259200.0");
    assertStage(before, after, "arrival_to_refund", Duration.ofDays(1), "43200.0", "86400.0");
  }

  @Test
  void aRefundThatFailsAfterClosingIsCountedAsReversedAndTheReturnClosesOnce() {
    String rma = lifecycle.create(LiveReturns.openedElectronics("reversed-" + System.nanoTime(), "pi_reversed",
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    lifecycle.jobs().runDue(rma);
    lifecycle.arrive(rma, clock.instant());
    lifecycle.inspect(rma, "OPENED", "RESTOCK");
    PrometheusScrape before = scrape();
    lifecycle.jobs().runDue(rma);
    assertThat(lifecycle.status(rma)).isEqualTo("CLOSED");

    // Stripe's refund.failed after the return closed, as the webhook handles it; finance closes it again
    ReturnRecord record = returns.get(rma);
    returns.settleRefund(rma, record.refund().refundId(), "FAILED", "expired_or_canceled_card",
        Actor.webhook("stripe"));
    refundProblems.startRefundProblem(record, "Stripe: refund failed (expired_or_canceled_card)");
    lifecycle.resolveRefundProblem(rma, "CLOSE_WITHOUT_REFUND", "Refunded by bank transfer");
    lifecycle.jobs().runDue(rma);
    assertThat(lifecycle.status(rma)).isEqualTo("CLOSED");

    PrometheusScrape after = scrape();
    assertThat(delta(before, after, "openrma_returns_closed_total", "status", "CLOSED")).isEqualTo(1);
    assertThat(delta(before, after, "openrma_refunds_amount_count", "currency", "EUR", "kind", "payment")).isEqualTo(1);
    assertThat(delta(before, after, "openrma_refunds_reversed_count", "currency", "EUR", "kind", "payment"))
        .isEqualTo(1);
    assertThat(delta(before, after, "openrma_refunds_reversed_sum", "currency", "EUR", "kind", "payment"))
        .isEqualTo(record.refund().total());
    assertThat(delta(before, after, "openrma_return_status_changes_total", "status", "CLOSED")).isEqualTo(2);
  }

  @Test
  void gaugesAgreeWithTheDatabaseAndTheEngine() {
    lifecycle.create(LiveReturns.openedElectronics("gauges-" + System.nanoTime(), "pi_gauges",
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));

    PrometheusScrape scrape = scrape();

    for (String status : new String[]{"APPROVED", "LABEL_ISSUED", "CLOSED"}) {
      long inDatabase = jdbc.sql("SELECT COUNT(*) FROM rma_return WHERE status = :s").param("s", status)
          .query(Long.class).single();
      assertThat(scrape.value("openrma_returns", "status", status)).as(status).isEqualTo((double) inDatabase);
    }
    assertThat(scrape.value("openrma_returns", "status", "APPROVED")).isPositive();
    assertThat(scrape.value("openrma_jobs_executable"))
        .isEqualTo((double) engine.getManagementService().createJobQuery().executable().count());
    assertThat(scrape.value("openrma_incidents_open", "process", ProcessIds.RMA_LIFECYCLE))
        .isEqualTo((double) engine.getRuntimeService().createIncidentQuery()
            .processDefinitionKeyIn(ProcessIds.RMA_LIFECYCLE).count());
    assertThat(scrape.value("openrma_outbound_pending")).isEqualTo((double) jdbc
        .sql("SELECT COUNT(*) FROM rma_outbound_delivery WHERE state = 'PENDING'").query(Long.class).single());
  }

  /** The stage's timer got one sample of exactly {@code took}, counted in the first bucket that holds it. */
  private void assertStage(PrometheusScrape before, PrometheusScrape after, String stage, Duration took,
      String bucketBelow, String bucketHolding) {
    String name = "openrma_stage_duration_seconds";
    assertThat(delta(before, after, name + "_count", "stage", stage)).as(stage).isEqualTo(1);
    assertThat(delta(before, after, name + "_sum", "stage", stage)).as(stage).isCloseTo(took.toSeconds(), within(1.0));
    assertThat(delta(before, after, name + "_bucket", "stage", stage, "le", bucketBelow)).as(stage).isZero();
    assertThat(delta(before, after, name + "_bucket", "stage", stage, "le", bucketHolding)).as(stage).isEqualTo(1);
  }

  /** Runs the return's webhook deliveries as the job executor would; returns how many there were. */
  private int deliverOutboundEvents(String rma) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processDefinitionKey(OutboundDeliveryProcess.KEY)
        .list().stream().filter(job -> rma.equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return jobs.size();
  }

  private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  private PrometheusScrape scrape() {
    Http.Response response = new Http(port).as("admin").get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    return new PrometheusScrape(response.body());
  }
}
