package io.openrma.process;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.StoreCreditCommand;
import io.openrma.returns.Actor;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Issue store credit": the refund amount as a credit on the customer's Stripe balance, once. */
@Component
public class IssueStoreCreditDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;

  public IssueStoreCreditDelegate(ReturnService returns, PaymentGateway payments) {
    this.returns = returns;
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    if (record.refund() != null && record.refund().storeCreditId() != null) {
      return;
    }
    String creditId = ExternalSystemException.call("Stripe", rmaNumber, "Issue store credit",
        () -> payments.issueStoreCredit(new StoreCreditCommand(rmaNumber, record.order().stripeCustomerId(),
            record.refund().total(), record.currency(), "Store credit for return " + rmaNumber,
            Effects.key(rmaNumber, ProcessIds.ISSUE_STORE_CREDIT))));
    returns.recordStoreCredit(rmaNumber, creditId, Actor.process("Issue store credit"));
  }
}
