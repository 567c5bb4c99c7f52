package io.openrma.process;

import java.util.Map;

import io.openrma.returns.Actor;
import io.openrma.returns.PolicyOutcome;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After "Check return policy": writes the decision and why (the rule, its inputs, the table's version) to the
 * returns record and sets {@code keepItem} for the diagram. A table without a matching rule sends the return to a person.
 */
@Component
public class RecordPolicyOutcomeListener implements ExecutionListener {

  private final ReturnService returns;
  private final PolicyDecisions decisions;

  RecordPolicyOutcomeListener(ReturnService returns, PolicyDecisions decisions) {
    this.returns = returns;
    this.decisions = decisions;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void notify(DelegateExecution execution) {
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(ProcessIds.VAR_POLICY);
    PolicyOutcome outcome = outcome(result);
    if (result == null) {
      execution.setVariable(ProcessIds.VAR_POLICY, Map.of("decision", "REVIEW"));
    }
    String rmaNumber = execution.getProcessBusinessKey();
    decisions.record(execution);
    returns.recordPolicy(rmaNumber, outcome, Actor.process("Check return policy"));
    boolean keepItem = outcome.keepItem()
        || Resolution.KEEP_ITEM.name().equals(execution.getVariable(ProcessIds.VAR_RESOLUTION));
    execution.setVariable(ProcessIds.VAR_KEEP_ITEM, keepItem);
  }

  /**
   * The decision of return-policy.dmn's single result ({@code null}: no rule matched, a person reviews). Public
   * so that the customer portal reads the table's answer exactly as the lifecycle does.
   */
  public static PolicyOutcome outcome(Map<String, Object> result) {
    return result == null
        ? new PolicyOutcome("REVIEW", 0, false, false, "No rule of the return policy matched")
        : new PolicyOutcome(String.valueOf(result.get("decision")), number(result.get("restockingFeePercent")),
            Boolean.TRUE.equals(result.get("keepItem")), Boolean.TRUE.equals(result.get("refundShipping")),
            result.get("note") == null ? null : String.valueOf(result.get("note")));
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
