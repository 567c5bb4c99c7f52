package io.openrma.process;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.returns.Label;
import org.springframework.stereotype.Component;

/**
 * "Update helpdesk ticket with tracking": carrier and tracking number on the customer's ticket in the configured
 * helpdesk. The id and bean name keep "Zendesk" because running instances and the diagram refer to them.
 */
@Component
public class UpdateZendeskTrackingDelegate extends StepDelegate {

  private final Helpdesk helpdesk;

  UpdateZendeskTrackingDelegate(Helpdesk helpdesk) {
    this.helpdesk = helpdesk;
  }

  @Override
  protected void run(Step step) {
    Helpdesk.Ticket ticket = HelpdeskTickets.of(step);
    if (!helpdesk.connected()) {
      step.note("TICKET_UPDATED_SKIPPED", HelpdeskTickets.notConnected(ticket));
      return;
    }
    Label label = step.record().label();
    step.once(helpdesk.name(), "TICKET_UPDATED",
        () -> helpdesk.updateTracking(ticket, label.carrier(), label.trackingNumber()),
        updated -> updated.isEmpty()
            ? HelpdeskTickets.noTicket(helpdesk, "the tracking")
            : "Tracking " + label.trackingNumber() + " added to " + helpdesk.name() + " ticket " + updated);
  }
}
