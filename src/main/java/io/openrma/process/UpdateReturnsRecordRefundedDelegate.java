package io.openrma.process;

import io.openrma.policy.Money;
import io.openrma.returns.Actor;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Update returns record: refunded": stamps the refund on the record and its timeline (status: rma-status). */
@Component
public class UpdateReturnsRecordRefundedDelegate implements JavaDelegate {

  private final ReturnService returns;

  public UpdateReturnsRecordRefundedDelegate(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    String how = record.refund().storeCreditId() != null ? "as store credit " + record.refund().storeCreditId()
        : "to the payment as " + record.refund().refundId();
    returns.markRefunded(rmaNumber, Actor.process("Update returns record: refunded"),
        "Refunded " + Money.format(record.refund().total(), record.currency()) + " " + how);
  }
}
