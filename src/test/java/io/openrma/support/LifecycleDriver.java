package io.openrma.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives returns through the lifecycle in-process, in tests where the job executor is off: creates
 * returns, runs their due jobs with {@link Jobs}, sends the outside world's events through the same inbox
 * the REST API uses, and completes user tasks with grades from {@link InspectionGrades}. Its HTTP twin is
 * {@link LiveReturns}, which drives the same steps as people and partner systems take them.
 */
public final class LifecycleDriver {

  private final ProcessEngine engine;
  private final ReturnService returns;
  private final ReturnEvents events;

  private final ReturnCreation creation;
  private final Jobs jobs;

  public LifecycleDriver(ProcessEngine engine, ReturnCreation creation, ReturnService returns, ReturnEvents events) {
    this.engine = engine;
    this.jobs = new Jobs(engine);
    this.creation = creation;
    this.returns = returns;
    this.events = events;
  }

  public String create(CreateReturnRequest request) {
    return creation.create(request, null, "carl").record().rmaNumber();
  }

  /** A return for an order in an order source (e.g. the Shopify test orders), by order number and email. */
  public String create(io.openrma.returns.OrderReturnRequest request) {
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

  /** The job runner shared with the HTTP driver. */
  public Jobs jobs() {
    return jobs;
  }

  /** Executes this return's due jobs (not timers in the future) until none is left; returns how many ran. */
  public int runJobs(String rmaNumber) {
    return jobs.runAll(rmaNumber);
  }

  public Job timer(String rmaNumber, String activityId) {
    return jobs.timer(rmaNumber, activityId);
  }

  public Job job(String rmaNumber, String activityId) {
    return jobs.job(rmaNumber, activityId);
  }

  /** Runs due jobs until the next one would be the step {@code activityId}; leaves that one. */
  public void runJobsUntil(String rmaNumber, String activityId) {
    jobs.runAllUntil(rmaNumber, activityId);
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
