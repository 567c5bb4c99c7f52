package io.openrma.process;

import java.time.Clock;

import io.openrma.integrations.shipping.InvalidAddressException;
import io.openrma.integrations.shipping.ReturnLabelProvider;
import io.openrma.integrations.shipping.ReturnLabelProvider.LabelRequest;
import io.openrma.integrations.shipping.ReturnLabelProvider.ParcelItem;
import io.openrma.integrations.shipping.ReturnLabelProvider.ReturnLabel;
import io.openrma.returns.Label;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Component;

/**
 * "Generate return label": buys the label once. The label is stored with the step's effect the moment
 * it is bought, so a retry of this step (or of anything after it) never buys a second one. An address
 * the carrier refuses becomes the BPMN error {@code INVALID_ADDRESS}: customer service fixes it.
 */
@Component
public class GenerateReturnLabelDelegate extends StepDelegate {

  private final ReturnService returns;
  private final ReturnLabelProvider labels;
  private final Clock clock;

  GenerateReturnLabelDelegate(ReturnService returns, ReturnLabelProvider labels, Clock clock) {
    this.returns = returns;
    this.labels = labels;
    this.clock = clock;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    if (step.done(1)) {
      return;
    }
    LabelRequest request = new LabelRequest(step.rmaNumber(), record.customer().name(), record.customer().phone(),
        record.customer().address(),
        record.lines().stream().map(l -> new ParcelItem(l.sku(), l.description(), l.quantityReturned())).toList(),
        step.key());
    ReturnLabel label;
    try {
      label = step.call("ShipStation", () -> labels.createReturnLabel(request));
    } catch (InvalidAddressException refused) {
      throw new BpmnError(ProcessIds.ERROR_INVALID_ADDRESS, refused.getMessage());
    }
    step.made(1, "LABEL_ISSUED", label.labelId(), () -> returns.recordLabel(step.rmaNumber(),
        new Label(label.labelId(), label.carrier(), label.service(), label.trackingNumber(), label.labelUrl(),
            clock.instant()),
        label.pdf(), step.actor()));
  }
}
