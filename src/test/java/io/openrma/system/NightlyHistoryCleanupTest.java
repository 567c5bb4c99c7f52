package io.openrma.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.openrma.outbound.OutboundDeliveryProcess;
import io.openrma.support.Jobs;
import io.openrma.support.LiveReturns;
import io.openrma.support.MutableClock;
import io.openrma.support.OpsTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * History does not grow for ever: every process has a history time to live, a finished instance's
 * history gets its removal time when it starts (so nothing is updated when it ends), and the cleanup job runs at
 * night (01:00 server time).
 */
@OpsTest
class NightlyHistoryCleanupTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  MutableClock clock;

  @Test
  void theCleanupJobIsScheduledAtOneInTheMorning() {
    List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();

    assertThat(cleanup).isNotEmpty();
    assertThat(cleanup).allSatisfy(job -> {
      LocalDateTime due = LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
      assertThat(due.getHour()).isEqualTo(1);
      assertThat(due.getMinute()).isZero();
    });
  }

  @Test
  void everyProcessHasAHistoryTimeToLive() {
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list();

    assertThat(definitions).extracting(ProcessDefinition::getKey)
        .contains("rma-lifecycle", "outbound-event-delivery", "daily-returns-report");
    assertThat(definitions).allSatisfy(
        definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull().isPositive());
  }

  @Test
  void anInstancesHistoryIsRemovedItsTimeToLiveAfterItStarted() {
    clock.set(Instant.parse("2026-09-01T08:00:00Z"));
    String rma = new LiveReturns(port, new Jobs(engine))
        .create(LiveReturns.openedElectronics("cleanup-" + System.nanoTime(),
            "pi_cleanup", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    Job delivery = engine.getManagementService().createJobQuery().processDefinitionKey(OutboundDeliveryProcess.KEY)
        .list().stream().filter(job -> rma.equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
        .findFirst().orElseThrow();

    engine.getManagementService().executeJob(delivery.getId());

    HistoricProcessInstance finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(delivery.getProcessInstanceId()).singleResult();
    assertThat(finished.getEndTime()).isNotNull();
    assertThat(Duration.between(finished.getStartTime().toInstant(), finished.getRemovalTime().toInstant()))
        .isEqualTo(Duration.ofDays(30));
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(delivery.getProcessInstanceId()).list())
        .as("every history row carries it from the start").isNotEmpty()
        .allSatisfy(activity -> assertThat(activity.getRemovalTime()).isEqualTo(finished.getRemovalTime()));
  }
}
