package io.openrma.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Hears every evaluation of the return policy's decision table and hands what the DMN engine saw to the
 * execution that evaluated it, as the transient variable {@value #VARIABLE}: the decision definition, each
 * input by its variable name with its value, and the matched rules with their outputs.
 * {@link RecordPolicyOutcomeListener} keeps it on the returns record. Transient: it is never stored as a
 * process variable, and an evaluation outside a process (an estimate, a simulation) passes unheard.
 *
 * <p>The engine's own history holds the same facts, but is cleaned up after its time to live and is written
 * only when the transaction flushes; this is the evaluation itself, in the transaction that acts on it.
 */
@Component
public class PolicyEvaluations extends AbstractProcessEnginePlugin {

  public static final String VARIABLE = "policyEvaluation";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionTableEvaluationListener> listeners = dmn.getCustomPostDecisionTableEvaluationListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
    }
    listeners.add(PolicyEvaluations::heard);
  }

  private static void heard(DmnDecisionTableEvaluationEvent event) {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    if (context == null || context.getExecution() == null
        || !ProcessIds.RETURN_POLICY.equals(event.getDecisionTable().getKey())) {
      return;
    }
    context.getExecution().setVariableLocal(VARIABLE, Variables.untypedValue(evaluation(event), true));
  }

  /** The rule's row in the table, from 1, as the Modeler numbers it. */
  private static Integer row(DmnDecisionTableImpl table, String ruleId) {
    for (int i = 0; i < table.getRules().size(); i++) {
      if (table.getRules().get(i).getId().equals(ruleId)) {
        return i + 1;
      }
    }
    return null;
  }

  static Map<String, Object> evaluation(DmnDecisionTableEvaluationEvent event) {
    Map<String, Object> evaluation = new LinkedHashMap<>();
    if (event.getDecisionTable() instanceof DecisionDefinition definition) {
      evaluation.put("decisionDefinitionId", definition.getId());
      evaluation.put("version", definition.getVersion());
      evaluation.put("deploymentId", definition.getDeploymentId());
    }
    evaluation.put("key", event.getDecisionTable().getKey());
    DmnDecisionTableImpl table = event.getDecisionTable().getDecisionLogic() instanceof DmnDecisionTableImpl t
        ? t
        : null;
    Map<String, String> expressions = new LinkedHashMap<>();
    if (table != null) {
      table.getInputs().forEach(i -> expressions.put(i.getId(), i.getExpression() == null
          ? null
          : i.getExpression().getExpression()));
    }
    // by the expression the table reads (the process variable, e.g. daysSinceDelivery), so a simulation can
    // evaluate another table with the same variables
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (DmnEvaluatedInput input : event.getInputs()) {
      String expression = expressions.get(input.getId());
      inputs.put(expression != null && expression.matches("[A-Za-z_][A-Za-z0-9_]*") ? expression : input.getId(),
          input.getValue() == null ? null : input.getValue().getValue());
    }
    evaluation.put("inputs", inputs);
    List<Map<String, Object>> rules = new ArrayList<>();
    for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
      Map<String, Object> outputs = new LinkedHashMap<>();
      rule.getOutputEntries().forEach((name, output) -> outputs.put(name,
          output.getValue() == null ? null : output.getValue().getValue()));
      Map<String, Object> matched = new LinkedHashMap<>();
      matched.put("ruleId", rule.getId());
      matched.put("row", table == null ? null : row(table, rule.getId()));
      matched.put("outputs", outputs);
      rules.add(matched);
    }
    evaluation.put("matchedRules", rules);
    return evaluation;
  }
}
