package io.openrma.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.openrma.process.InboundEvent;
import io.openrma.process.ReturnEvents;
import io.openrma.process.InspectionGrades;
import io.openrma.process.ProcessIds;
import io.openrma.returns.Actor;
import io.openrma.returns.CreateReturnRequest;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnCreation;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives returns through the lifecycle in tests where the job executor is off: creates returns,
 * runs their due jobs one by one, sends the outside world's events through the same inbox the REST
 * API uses, and completes user tasks.
 */
public final class LifecycleDriver {

  private final ProcessEngine engine;
  private final ReturnService returns;
  private final ReturnEvents events;

  private final ReturnCreation creation;

  public LifecycleDriver(ProcessEngine engine, ReturnCreation creation, ReturnService returns, ReturnEvents events) {
    this.engine = engine;
    this.creation = creation;
    this.returns = returns;
    this.events = events;
  }

  public String create(CreateReturnRequest request) {
    return creation.create(request, null, "carl").record().rmaNumber();
  }

  public ReturnRecord record(String rmaNumber) {
    return returns.get(rmaNumber);
  }

  public ReturnStatus status(String rmaNumber) {
    return returns.get(rmaNumber).status();
  }

  public ProcessInstance instance(String rmaNumber) {
    List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(rmaNumber).list();
    return instances.isEmpty() ? null : instances.get(0);
  }

  /** The lifecycle's process instance, running or ended. */
  public String processInstanceId(String rmaNumber) {
    return returns.get(rmaNumber).processInstanceId();
  }

  /** Executes this return's due jobs (not timers in the future) until none is left; returns how many ran. */
  public int runJobs(String rmaNumber) {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = dueJobs(rmaNumber);
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    throw new AssertionError("jobs of " + rmaNumber + " do not come to an end");
  }

  public List<Job> dueJobs(String rmaNumber) {
    return jobs(rmaNumber, query -> query.executable().withRetriesLeft()).stream()
        .filter(job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()))
        .toList();
  }

  public Job timer(String rmaNumber, String activityId) {
    return jobs(rmaNumber, query -> query.timers().activityId(activityId)).stream().findFirst().orElse(null);
  }

  public Job job(String rmaNumber, String activityId) {
    return jobs(rmaNumber, query -> query.activityId(activityId)).stream().findFirst().orElse(null);
  }

  /** Runs due jobs until the next one would be the step {@code activityId}; leaves that one. */
  public void runJobsUntil(String rmaNumber, String activityId) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = dueJobs(rmaNumber);
      if (jobs.isEmpty() || jobs.stream().anyMatch(job -> activityId.equals(activityOf(job)))) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  // one query per instance: Camunda 7.24 writes invalid SQL for processInstanceIds(...) with activityId(...)
  private List<Job> jobs(String rmaNumber, java.util.function.UnaryOperator<JobQuery> filter) {
    Set<String> ids = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(rmaNumber)
        .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    return ids.stream()
        .flatMap(
            id -> filter.apply(engine.getManagementService().createJobQuery().processInstanceId(id)).list().stream())
        .toList();
  }

  public InboundEvent.Outcome pickedUp(String rmaNumber, String eventId) {
    return events.pickedUp("CARRIER", eventId, rmaNumber, java.time.Instant.parse("2026-11-20T10:00:00Z"),
        "PICKED_UP", Actor.webhook("carrier"));
  }

  public InboundEvent.Outcome arrived(String rmaNumber, String scanId) {
    return events.arrived(scanId, rmaNumber, "DOCK-1", "scan " + scanId, Actor.user("walt"));
  }

  public Task task(String rmaNumber) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rmaNumber).singleResult();
  }

  public void complete(String rmaNumber, String user, Map<String, Object> variables) {
    Task task = task(rmaNumber);
    assertThat(task).as("open task of " + rmaNumber).isNotNull();
    engine.getTaskService().claim(task.getId(), user);
    engine.getTaskService().complete(task.getId(), variables);
  }

  /** Grades every line of the return with the same condition and disposition. */
  public void inspect(String rmaNumber, String condition, String disposition) {
    complete(rmaNumber, "walt", Map.of(ProcessIds.VAR_INSPECTION_LINES, InspectionGrades.value(InspectionGrades
        .allLines(returns.get(rmaNumber), condition, disposition))));
  }

  public void awaitStatus(String rmaNumber, ReturnStatus status) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(status(rmaNumber)).isEqualTo(status));
  }

  /** Runs jobs until the return reaches {@code status} (for waits that end asynchronously). */
  public void runUntil(String rmaNumber, ReturnStatus status) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      runJobs(rmaNumber);
      assertThat(status(rmaNumber)).isEqualTo(status);
    });
  }
}
