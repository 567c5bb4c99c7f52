package io.openrma.process;

import io.openrma.policy.Money;
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
    String how = record.refund().storeCreditId() != null
        ? "as store credit " + record.refund().storeCreditId()
        : "to the payment as " + record.refund().refundId();
    returns.markRefunded(step.rmaNumber(), step.actor(),
        "Refunded " + Money.format(record.refund().total(), record.currency()) + " " + how);
  }
}
