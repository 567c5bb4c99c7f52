package io.openrma.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ManagementService;
import io.openrma.process.ProcessIds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Runs a return's asynchronous steps the way the job executor would (which is off in tests): a step
 * that throws keeps its job with one retry less, exactly as after a failed run on a node. The one job
 * runner of the test drivers, in-process ({@link LifecycleDriver}) and over HTTP ({@link LiveReturns}).
 */
public final class Jobs {

  private final ProcessEngine engine;

  public Jobs(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The running process instances of the return. */
  public List<String> instances(String rmaNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(rmaNumber).list()
        .stream().map(ProcessInstance::getId).toList();
  }

  /** The running lifecycle of the return (it must be running). */
  public String processInstanceId(String rmaNumber) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessIds.RMA_LIFECYCLE).processInstanceBusinessKey(rmaNumber).singleResult();
    assertThat(instance).as("running lifecycle of " + rmaNumber).isNotNull();
    return instance.getId();
  }

  /**
   * Executes the due jobs of the return's lifecycle, timers that are due included (tests that move the
   * clock rely on it), until it waits for something else; returns how many ran.
   */
  public int runDue(String rmaNumber) {
    int executed = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processDefinitionKey(ProcessIds.RMA_LIFECYCLE).executable().list().stream()
          .filter(job -> isOf(job, rmaNumber)).toList();
      if (jobs.isEmpty()) {
        return executed;
      }
      engine.getManagementService().executeJob(jobs.get(0).getId());
      executed++;
    }
    throw new AssertionError(rmaNumber + " still has jobs after 50 executions");
  }

  /**
   * Executes every due job of the return's instances (lifecycle and deliveries; timers in the future wait)
   * until none is left; returns how many ran. A failing job throws.
   */
  public int runAll(String rmaNumber) {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = due(rmaNumber);
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

  /** Runs due jobs until the next one would be the step {@code activityId}; leaves that one. */
  public void runAllUntil(String rmaNumber, String activityId) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = due(rmaNumber);
      if (jobs.isEmpty() || jobs.stream().anyMatch(job -> activityId.equals(activityOf(job)))) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  public List<Job> due(String rmaNumber) {
    return jobs(rmaNumber, query -> query.executable().withRetriesLeft()).stream()
        .filter(job -> job.getDuedate() == null || !job.getDuedate().after(new Date())).toList();
  }

  /** The timer of the return at {@code activityId}, or null. */
  public Job timer(String rmaNumber, String activityId) {
    return jobs(rmaNumber, query -> query.timers().activityId(activityId)).stream().findFirst().orElse(null);
  }

  /** Any job of the return at {@code activityId}, or null. */
  public Job job(String rmaNumber, String activityId) {
    return jobs(rmaNumber, query -> query.activityId(activityId)).stream().findFirst().orElse(null);
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  // one query per instance: Camunda 7.24 writes invalid SQL for processInstanceIds(...) with activityId(...)
  private List<Job> jobs(String rmaNumber, UnaryOperator<JobQuery> filter) {
    return instances(rmaNumber).stream()
        .flatMap(id -> filter.apply(engine.getManagementService().createJobQuery().processInstanceId(id)).list()
            .stream())
        .toList();
  }

  private boolean isOf(Job job, String rmaNumber) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(job.getProcessInstanceId()).singleResult();
    return instance != null && rmaNumber.equals(instance.getBusinessKey());
  }

  /** The asynchronous step of the return waiting at {@code activityId}. */
  public Job at(String rmaNumber, String activityId) {
    for (String instance : instances(rmaNumber)) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(activityId)
          .singleResult();
      if (job != null) {
        return job;
      }
    }
    return org.assertj.core.api.Assertions
        .fail("No job of " + rmaNumber + " waits at " + activityId + "; jobs: " + describe(rmaNumber));
  }

  /** Runs the step; it must succeed. */
  public void run(String rmaNumber, String activityId) {
    engine.getManagementService().executeJob(at(rmaNumber, activityId).getId());
  }

  /** Runs the step; it must fail. Returns the failure. */
  public RuntimeException fail(String rmaNumber, String activityId) {
    Job job = at(rmaNumber, activityId);
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException expected) {
      Job after = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
      assertThat(after).as("the job stays for the retry").isNotNull();
      return expected;
    }
    return org.assertj.core.api.Assertions.fail(activityId + " of " + rmaNumber + " was expected to fail");
  }

  /**
   * Runs every asynchronous step of the return that is not a timer, one after the other, until the
   * return waits for something from outside. A failing step fails the test.
   */
  public void runUntilWaiting(String rmaNumber) {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 40; round++) {
      Job next = null;
      for (String instance : instances(rmaNumber)) {
        next = management.createJobQuery().processInstanceId(instance).messages().withRetriesLeft().list().stream()
            .findFirst().orElse(null);
        if (next != null) {
          break;
        }
      }
      if (next == null) {
        return;
      }
      try {
        management.executeJob(next.getId());
      } catch (RuntimeException e) {
        throw new AssertionError(
            "Step " + next.getJobDefinitionId() + " of " + rmaNumber + " failed: " + e.getMessage(), e);
      }
    }
    throw new AssertionError(rmaNumber + " keeps producing jobs: " + describe(rmaNumber));
  }

  private String describe(String rmaNumber) {
    return instances(rmaNumber).stream().flatMap(instance -> engine.getManagementService().createJobQuery()
        .processInstanceId(instance).list().stream())
        .map(job -> job.getId() + " retries " + job.getRetries() + " " + job.getExceptionMessage()).toList().toString();
  }
}
