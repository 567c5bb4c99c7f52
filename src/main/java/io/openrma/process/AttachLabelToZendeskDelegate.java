package io.openrma.process;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * "Attach label to helpdesk ticket": the label PDF on the customer's ticket in the configured helpdesk (Zendesk or
 * Gorgias). The id and bean name keep "Zendesk" because running instances and the diagram refer to them.
 */
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
    Helpdesk.Ticket ticket = HelpdeskTickets.of(step);
    if (!helpdesk.connected()) {
      step.note("TICKET_UPDATED_SKIPPED", HelpdeskTickets.notConnected(ticket));
      return;
    }
    byte[] pdf = returns.labelPdf(step.record());
    String comment = "Your return " + rma + " is approved. The return label is attached: print it and hand "
        + "the parcel to the carrier.";
    step.once(helpdesk.name(), "TICKET_UPDATED",
        () -> helpdesk.attachLabel(ticket, "return-label-" + rma + ".pdf", pdf, comment),
        updated -> updated.isEmpty()
            ? HelpdeskTickets.noTicket(helpdesk, "the label")
            : "Label attached to " + helpdesk.name() + " ticket " + updated);
  }
}
