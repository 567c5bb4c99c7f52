package io.openrma.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/** A one-task test process (a customer-service task) for access tests that must not depend on the lifecycle. */
final class AccessCheckProcess {

  private AccessCheckProcess() {
  }

  static Task startAndGetTask(ProcessEngine engine) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("access-check")
        .count() == 0) {
      engine.getRepositoryService().createDeployment().name("access-check")
          .addClasspathResource("bpmn/access-check.bpmn").deploy();
    }
    String instanceId = engine.getRuntimeService().startProcessInstanceByKey("access-check").getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
  }
}
