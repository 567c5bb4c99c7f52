package io.openrma.process;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Attach label to Zendesk ticket": the label PDF as a public comment on the customer's ticket. */
@Component
public class AttachLabelToZendeskDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final Helpdesk helpdesk;
  private final Effects effects;

  public AttachLabelToZendeskDelegate(ReturnService returns, Helpdesk helpdesk, Effects effects) {
    this.returns = returns;
    this.helpdesk = helpdesk;
    this.effects = effects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    byte[] pdf = returns.labelPdf(record);
    String comment = "Your return " + rmaNumber + " is approved. The return label is attached: print it and hand "
        + "the parcel to the carrier.";
    effects.once(rmaNumber, ProcessIds.ATTACH_LABEL_TO_ZENDESK, "TICKET_UPDATED", () -> {
      ExternalSystemException.run("Zendesk", rmaNumber, "Attach label to Zendesk ticket",
          () -> helpdesk.attachLabel(record.ticketId(), rmaNumber, "return-label-" + rmaNumber + ".pdf", pdf, comment));
      return record.ticketId();
    }, "Label attached to Zendesk ticket " + record.ticketId());
  }
}
