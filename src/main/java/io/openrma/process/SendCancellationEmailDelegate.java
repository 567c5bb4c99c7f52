package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/** "Send cancellation email": confirms the cancellation to the customer, once, saying whether the label is void. */
@Component
public class SendCancellationEmailDelegate extends StepDelegate {

  private final CustomerEmails emails;

  SendCancellationEmailDelegate(CustomerEmails emails) {
    this.emails = emails;
  }

  @Override
  protected void run(Step step) {
    Object outcome = step.variable(VoidReturnLabelDelegate.VAR_LABEL_OUTCOME);
    boolean voided = "VOIDED".equals(outcome);
    ReturnRecord record = step.record();
    // what was undone and what was not, for customer service
    String label = voided
        ? "the label is voided"
        : "NOT_VOIDED".equals(outcome) ? "the label could not be voided" : "no label was bought";
    String subscription = record.subscriptionCancelled()
        ? "; subscription " + record.order().subscriptionId() + " was cancelled before and stays cancelled"
        : "";
    step.once("Email", "EMAIL_SENT", () -> emails.sendCancellation(record, voided),
        "Cancellation confirmed to the customer: " + label + subscription);
  }
}
