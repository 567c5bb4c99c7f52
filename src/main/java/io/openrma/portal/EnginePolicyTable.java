package io.openrma.portal;

import java.util.Map;

import io.openrma.process.ProcessIds;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The return policy as the engine deployed it (the latest {@code return-policy}), asked through
 * {@link DecisionService} exactly as "Check return policy" asks it, minus the process.
 */
@Component
class EnginePolicyTable implements RefundEstimator.PolicyTable {

  private final DecisionService decisions;

  EnginePolicyTable(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public Map<String, Object> decide(Map<String, Object> inputs) {
    DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey(ProcessIds.RETURN_POLICY)
        .variables(Variables.fromMap(inputs)).evaluate();
    return result.isEmpty() ? null : result.getSingleResult().getEntryMap();
  }
}
