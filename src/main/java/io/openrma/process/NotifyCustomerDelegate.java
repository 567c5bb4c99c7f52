package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.policy.Money;
import io.openrma.returns.Refund;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/**
 * "Notify customer": how the return ended, sent once per outcome. An outcome is one exchange, one
 * refund or store credit (by its id at Stripe), or closing without refund: when a refund fails after
 * the customer was told, and finance has it refunded again or closes the return, the customer hears
 * that too, and the timeline says what they were told.
 */
@Component
public class NotifyCustomerDelegate extends StepDelegate {

  private final CustomerEmails emails;

  NotifyCustomerDelegate(CustomerEmails emails) {
    this.emails = emails;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    Refund refund = record.refund();
    String total = refund == null
        ? ""
        : Money.format(refund.storeCreditId() != null
            ? refund.storeCredit()
            : refund.total(), record.currency());
    boolean afterProblem = step.variable(ProcessIds.VAR_REFUND_PROBLEM) != null;
    // the customer heard of another outcome before: refunded, and then the refund failed after closing
    boolean toldBefore = step.doneBefore();
    String outcome;
    String occasion;
    String told;
    String note = null;
    if (record.resolution() == Resolution.EXCHANGE) {
      outcome = "EXCHANGE";
      occasion = "EXCHANGE";
      told = "exchange";
    } else if (refund != null && refund.refundedAt() != null && "SUCCEEDED".equals(refund.status())) {
      boolean credit = refund.storeCreditId() != null;
      outcome = credit ? "STORE_CREDIT" : "REFUNDED";
      occasion = outcome + "-" + (credit ? refund.storeCreditId() : refund.refundId());
      told = (credit ? "store credit of " : "refunded ") + total + (afterProblem ? ", after a refund problem" : "");
    } else {
      outcome = "CLOSED";
      occasion = "CLOSED";
      Object comment = step.variable(ProcessIds.VAR_REFUND_PROBLEM_COMMENT);
      note = comment != null && !comment.toString().isBlank()
          ? comment.toString().trim()
          : "Nothing could be refunded for the items we received (see the inspection of your return).";
      told = "closed without refund: " + note;
    }
    String closingNote = note;
    step.once("Email", "EMAIL_SENT", occasion,
        () -> emails.sendOutcome(record, outcome, closingNote, toldBefore ? occasion : null),
        "Customer told: " + told);
  }
}
