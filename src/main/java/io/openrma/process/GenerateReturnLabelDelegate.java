package io.openrma.process;

import io.openrma.integrations.shipping.InvalidAddressException;
import io.openrma.integrations.shipping.ReturnLabelProvider;
import io.openrma.integrations.shipping.ReturnLabelProvider.LabelRequest;
import io.openrma.integrations.shipping.ReturnLabelProvider.ParcelItem;
import io.openrma.integrations.shipping.ReturnLabelProvider.ReturnLabel;
import io.openrma.returns.Actor;
import io.openrma.returns.Label;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Generate return label": buys the label once. The label is stored the moment it is bought, so a
 * retry of this step (or of anything after it) never buys a second one. An address the carrier
 * refuses becomes the BPMN error {@code INVALID_ADDRESS}: customer service fixes it.
 */
@Component
public class GenerateReturnLabelDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final ReturnLabelProvider labels;
  private final Clock clock;

  public GenerateReturnLabelDelegate(ReturnService returns, ReturnLabelProvider labels, Clock clock) {
    this.returns = returns;
    this.labels = labels;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    if (record.label() != null) {
      return; // bought by an earlier attempt
    }
    LabelRequest request = new LabelRequest(rmaNumber, record.customer().name(), record.customer().phone(),
        record.customer().address(),
        record.lines().stream().map(l -> new ParcelItem(l.sku(), l.description(), l.quantityReturned())).toList(),
        Effects.key(rmaNumber, ProcessIds.GENERATE_RETURN_LABEL));
    ReturnLabel label;
    try {
      label = ExternalSystemException.call("ShipStation", rmaNumber, "Generate return label",
          () -> labels.createReturnLabel(request));
    } catch (InvalidAddressException refused) {
      throw new BpmnError(ProcessIds.ERROR_INVALID_ADDRESS, refused.getMessage());
    }
    returns.recordLabel(rmaNumber, new Label(label.labelId(), label.carrier(), label.service(), label.trackingNumber(),
        label.labelUrl(), clock.instant()), label.pdf(), Actor.process("Generate return label"));
  }
}
