package io.openrma.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import io.openrma.returns.ReturnWorkflow.OpenIncident;
import io.openrma.returns.ReturnWorkflow.OpenTask;
import io.openrma.returns.ReturnWorkflow.Position;
import io.openrma.returns.ReturnWorkflow.RetryingStep;
import io.openrma.returns.ReturnWorkflow.Step;
import org.springframework.stereotype.Component;

/** Where the lifecycle of a return stands: current steps, open tasks, steps being retried, open incidents. */
@Component
public class ProcessPositions {

  private final ProcessEngine engine;

  public ProcessPositions(ProcessEngine engine) {
    this.engine = engine;
  }

  public Position of(String rmaNumber) {
    List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessIds.RMA_LIFECYCLE).processInstanceBusinessKey(rmaNumber).list();
    List<String> ids = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    List<OpenTask> tasks = new ArrayList<>();
    List<OpenIncident> incidents = new ArrayList<>();
    List<RetryingStep> retrying = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      ids.add(instance.getId());
      ActivityInstance tree = engine.getRuntimeService().getActivityInstance(instance.getId());
      if (tree != null) {
        collectLeaves(tree, steps);
      }
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list()) {
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
        // the step's name from the diagram: the task's own name also carries the RMA and items for Tasklist
        String step = steps.stream().filter(s -> s.id().equals(task.getTaskDefinitionKey())).map(Step::name)
            .findFirst().orElse(task.getName());
        tasks.add(new OpenTask(task.getId(), step, task.getAssignee(), groups, task.getCreateTime().toInstant()));
      }
      for (Incident incident : engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
          .list()) {
        incidents.add(new OpenIncident(incident.getId(), incident.getActivityId(), incident.getIncidentType(),
            incident.getIncidentMessage(), incident.getIncidentTimestamp().toInstant()));
      }
    }
    for (String id : ids) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(id).withException()
          .withRetriesLeft().list()) {
        String activity = job.getFailedActivityId();
        String name = steps.stream().filter(step -> step.id().equals(activity)).map(Step::name).findFirst()
            .orElse(activity);
        retrying.add(new RetryingStep(activity, name, job.getRetries(), job.getExceptionMessage(),
            job.getDuedate() == null ? null : job.getDuedate().toInstant()));
      }
    }
    return new Position(ids, steps, tasks, incidents, retrying);
  }

  private static void collectLeaves(ActivityInstance instance, List<Step> steps) {
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
      steps.add(new Step(instance.getActivityId(), instance.getActivityName()));
      return;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collectLeaves(child, steps);
    }
    for (var transition : instance.getChildTransitionInstances()) {
      steps.add(new Step(transition.getActivityId(), transition.getActivityName()));
    }
  }
}
