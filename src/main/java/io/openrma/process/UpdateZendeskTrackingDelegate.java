package io.openrma.process;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Update Zendesk ticket with tracking": carrier and tracking number on the ticket. */
@Component
public class UpdateZendeskTrackingDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final Helpdesk helpdesk;
  private final Effects effects;

  public UpdateZendeskTrackingDelegate(ReturnService returns, Helpdesk helpdesk, Effects effects) {
    this.returns = returns;
    this.helpdesk = helpdesk;
    this.effects = effects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    effects.once(rmaNumber, ProcessIds.UPDATE_ZENDESK_TRACKING, "TICKET_UPDATED", () -> {
      ExternalSystemException.run("Zendesk", rmaNumber, "Update Zendesk ticket with tracking",
          () -> helpdesk.updateTracking(record.ticketId(), rmaNumber, record.label().carrier(),
              record.label().trackingNumber()));
      return record.ticketId();
    }, "Tracking " + record.label().trackingNumber() + " added to Zendesk ticket " + record.ticketId());
  }
}
