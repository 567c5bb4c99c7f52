package io.openrma.process;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.StoreCreditCommand;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * "Issue store credit": the refund amount plus the store credit bonus "Calculate refund" worked out, as a credit on
 * the customer's Stripe balance, once.
 */
@Component
public class IssueStoreCreditDelegate extends StepDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;

  IssueStoreCreditDelegate(ReturnService returns, PaymentGateway payments) {
    this.returns = returns;
    this.payments = payments;
  }

  @Override
  protected void run(Step step) {
    if (step.done(1)) {
      return;
    }
    ReturnRecord record = step.record();
    String creditId = step.call("Stripe", () -> payments.issueStoreCredit(new StoreCreditCommand(step.rmaNumber(),
        record.order().stripeCustomerId(), record.refund().storeCredit(), record.currency(),
        "Store credit for return " + step.rmaNumber(), step.key())));
    step.made(1, "STORE_CREDIT_ISSUED", creditId,
        () -> returns.recordStoreCredit(step.rmaNumber(), creditId, step.actor()));
  }
}
