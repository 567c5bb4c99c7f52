package io.openrma.process;

import io.openrma.integrations.shipping.ReturnLabelProvider;
import io.openrma.integrations.shipping.ReturnLabelProvider.VoidResult;
import io.openrma.returns.Label;
import org.springframework.stereotype.Component;

/**
 * "Void return label": a cancelled return's label will not be used, so it is voided and the carrier
 * refunds it. Voided once (the answer is kept with the step's effect); a carrier's refusal (already used,
 * too old to void) is said on the timeline, not retried. The outcome goes to "Send cancellation email"
 * as {@code labelOutcome}: {@code VOIDED}, {@code NOT_VOIDED} or {@code NONE} (no label was bought).
 */
@Component
public class VoidReturnLabelDelegate extends StepDelegate {

  static final String VAR_LABEL_OUTCOME = "labelOutcome";

  private final ReturnLabelProvider labels;

  VoidReturnLabelDelegate(ReturnLabelProvider labels) {
    this.labels = labels;
  }

  @Override
  protected void run(Step step) {
    Label label = step.record().label();
    if (label == null || label.labelId() == null) {
      step.setVariable(VAR_LABEL_OUTCOME, "NONE");
      step.note("LABEL_NOT_BOUGHT", "No return label was bought: nothing to void");
      return;
    }
    String outcome = step.effect(1).orElseGet(() -> {
      VoidResult result = step.call("ShipStation", () -> labels.voidLabel(label.labelId()));
      String kept = result.voided() ? "VOIDED" : "NOT_VOIDED:" + result.reasonCode();
      step.made(1, result.voided() ? "LABEL_VOIDED" : "LABEL_NOT_VOIDED", kept,
          () -> step.note(result.voided() ? "LABEL_VOIDED" : "LABEL_NOT_VOIDED", result.voided()
              ? "Label " + label.labelId() + " (" + label.trackingNumber() + ") voided: the carrier refunds it"
              : "Label " + label.labelId() + " could not be voided (" + result.reasonCode() + "): "
                  + result.message() + ". Check with the carrier whether it is still charged."));
      return kept;
    });
    step.setVariable(VAR_LABEL_OUTCOME, outcome.startsWith("VOIDED") ? "VOIDED" : "NOT_VOIDED");
  }
}
