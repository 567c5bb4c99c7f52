package io.openrma.process;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.returns.Label;
import org.springframework.stereotype.Component;

/** "Update Zendesk ticket with tracking": carrier and tracking number on the customer's ticket. */
@Component
public class UpdateZendeskTrackingDelegate extends StepDelegate {

  private final Helpdesk helpdesk;

  UpdateZendeskTrackingDelegate(Helpdesk helpdesk) {
    this.helpdesk = helpdesk;
  }

  @Override
  protected void run(Step step) {
    String ticketId = step.record().ticketId();
    Label label = step.record().label();
    step.once("Zendesk", "TICKET_UPDATED", () -> {
      helpdesk.updateTracking(ticketId, step.rmaNumber(), label.carrier(), label.trackingNumber());
      return ticketId;
    }, "Tracking " + label.trackingNumber() + " added to Zendesk ticket " + ticketId);
  }
}
