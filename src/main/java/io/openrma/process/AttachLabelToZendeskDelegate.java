package io.openrma.process;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/** "Attach label to Zendesk ticket": the label PDF as a public comment on the customer's ticket. */
@Component
public class AttachLabelToZendeskDelegate extends StepDelegate {

  private final ReturnService returns;
  private final Helpdesk helpdesk;

  AttachLabelToZendeskDelegate(ReturnService returns, Helpdesk helpdesk) {
    this.returns = returns;
    this.helpdesk = helpdesk;
  }

  @Override
  protected void run(Step step) {
    String rma = step.rmaNumber();
    String ticketId = step.record().ticketId();
    byte[] pdf = returns.labelPdf(step.record());
    String comment = "Your return " + rma + " is approved. The return label is attached: print it and hand "
        + "the parcel to the carrier.";
    step.once("Zendesk", "TICKET_UPDATED", () -> {
      helpdesk.attachLabel(ticketId, rma, "return-label-" + rma + ".pdf", pdf, comment);
      return ticketId;
    }, "Label attached to Zendesk ticket " + ticketId);
  }
}
