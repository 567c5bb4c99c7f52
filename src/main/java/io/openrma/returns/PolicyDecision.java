package io.openrma.returns;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Why the return policy decided as it did, kept with the return for as long as the return (the engine's history
 * is cleaned up): which version of which decision table, the exact inputs and outputs (JSON objects), and the
 * rule that matched, by id, row (from 1) and annotation. Without a matching rule the rule fields are
 * {@code null}. In a table of its own, read when someone looks at the return.
 */
@Table("rma_policy_decision")
public record PolicyDecision(@Id long returnId, String decisionKey, int decisionVersion, String decisionDefinitionId,
    String deploymentId, String ruleId, Integer ruleRow, String ruleAnnotation, String inputs, String outputs,
    Instant decidedAt) {

  /** "rule 7 (Late return), policy version 3", as staff read it. */
  public String describe() {
    String rule = ruleRow == null
        ? "no rule"
        : "rule " + ruleRow
            + (ruleAnnotation == null || ruleAnnotation.isBlank() ? "" : " (" + ruleAnnotation + ")");
    return rule + ", policy version " + decisionVersion;
  }
}
