package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Notify customer": how the return ended, sent once. */
@Component
public class NotifyCustomerDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final CustomerEmails emails;
  private final Effects effects;

  public NotifyCustomerDelegate(ReturnService returns, CustomerEmails emails, Effects effects) {
    this.returns = returns;
    this.emails = emails;
    this.effects = effects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    String outcome;
    String note = null;
    if (record.resolution() == Resolution.EXCHANGE) {
      outcome = "EXCHANGE";
    } else if (record.refund() != null && record.refund().refundedAt() != null) {
      outcome = record.refund().storeCreditId() != null ? "STORE_CREDIT" : "REFUNDED";
    } else {
      outcome = "CLOSED";
      Object comment = execution.getVariable("refundProblemComment");
      note = comment != null ? comment.toString()
          : "Nothing could be refunded for the items we received (see the inspection of your return).";
    }
    String closingNote = note;
    effects.once(rmaNumber, ProcessIds.NOTIFY_CUSTOMER, "EMAIL_SENT",
        () -> ExternalSystemException.call("Email", rmaNumber, "Notify customer",
            () -> emails.sendOutcome(record, outcome, closingNote)),
        "Customer told: " + outcome);
  }
}
