package io.openrma.process;

import io.openrma.policy.Money;
import io.openrma.returns.Refund;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/** "Update returns record: refunded": stamps the refund on the record and its timeline (status: rma-status). */
@Component
public class UpdateReturnsRecordRefundedDelegate extends StepDelegate {

  private final ReturnService returns;

  UpdateReturnsRecordRefundedDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    Refund refund = record.refund();
    String how = refund.storeCreditId() != null
        ? "as store credit " + refund.storeCreditId() + (refund.storeCreditBonus() > 0
            ? " (with a bonus of " + Money.format(refund.storeCreditBonus(), record.currency()) + ": credited "
                + Money.format(refund.storeCredit(), record.currency()) + ")"
            : "")
        : "to the payment as " + refund.refundId();
    returns.markRefunded(step.rmaNumber(), step.actor(),
        "Refunded " + Money.format(refund.total(), record.currency()) + " " + how);
  }
}
