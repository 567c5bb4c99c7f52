package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/** "Notify customer": how the return ended, sent once. */
@Component
public class NotifyCustomerDelegate extends StepDelegate {

  private final CustomerEmails emails;

  NotifyCustomerDelegate(CustomerEmails emails) {
    this.emails = emails;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    String outcome;
    String note = null;
    if (record.resolution() == Resolution.EXCHANGE) {
      outcome = "EXCHANGE";
    } else if (record.refund() != null && record.refund().refundedAt() != null) {
      outcome = record.refund().storeCreditId() != null ? "STORE_CREDIT" : "REFUNDED";
    } else {
      outcome = "CLOSED";
      Object comment = step.variable("refundProblemComment");
      note = comment != null
          ? comment.toString()
          : "Nothing could be refunded for the items we received (see the inspection of your return).";
    }
    String closingNote = note;
    step.once("Email", "EMAIL_SENT", () -> emails.sendOutcome(record, outcome, closingNote),
        "Customer told: " + outcome);
  }
}
