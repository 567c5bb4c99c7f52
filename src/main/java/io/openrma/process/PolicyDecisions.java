package io.openrma.process;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.returns.PolicyDecision;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Keeps why the return policy decided on the returns record: what {@link PolicyEvaluations} heard of the
 * evaluation (definition, inputs, matched rule and outputs) with the rule's annotation from the deployed table
 * (the engine's model cache answers it, no query per return).
 */
@Component
class PolicyDecisions {

  private final ReturnService returns;
  private final RepositoryService repository;
  private final ObjectMapper json;
  private final Clock clock;

  PolicyDecisions(ReturnService returns, RepositoryService repository, ObjectMapper json, Clock clock) {
    this.returns = returns;
    this.repository = repository;
    this.json = json;
    this.clock = clock;
  }

  /** After "Check return policy", in its transaction; nothing when the table was not evaluated here. */
  @SuppressWarnings("unchecked")
  void record(DelegateExecution execution) {
    Map<String, Object> evaluation = (Map<String, Object>) execution.getVariable(PolicyEvaluations.VARIABLE);
    if (evaluation == null || evaluation.get("decisionDefinitionId") == null) {
      return;
    }
    String definitionId = (String) evaluation.get("decisionDefinitionId");
    List<Map<String, Object>> rules = (List<Map<String, Object>>) evaluation.get("matchedRules");
    Map<String, Object> first = rules == null || rules.isEmpty() ? null : rules.get(0);
    String ruleId = first == null ? null : (String) first.get("ruleId");
    returns.recordPolicyDecision(execution.getProcessBusinessKey(), new PolicyDecision(0,
        (String) evaluation.get("key"), ((Number) evaluation.get("version")).intValue(), definitionId,
        (String) evaluation.get("deploymentId"), ruleId, first == null ? null : (Integer) first.get("row"),
        ruleId == null ? null : annotation(definitionId, ruleId), write(evaluation.get("inputs")),
        first == null ? null : write(first.get("outputs")), clock.instant()));
  }

  private String annotation(String definitionId, String ruleId) {
    DmnModelInstance model = repository.getDmnModelInstance(definitionId);
    Rule rule = model.getModelElementById(ruleId);
    return rule == null || rule.getDescription() == null ? null : rule.getDescription().getTextContent().strip();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the policy's inputs cannot be written as JSON", e);
    }
  }
}
