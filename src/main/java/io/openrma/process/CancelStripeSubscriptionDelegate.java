package io.openrma.process;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.SubscriptionResult;
import io.openrma.returns.Actor;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cancel Stripe subscription": cancels the subscription the returned order started, once. */
@Component
public class CancelStripeSubscriptionDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;

  public CancelStripeSubscriptionDelegate(ReturnService returns, PaymentGateway payments) {
    this.returns = returns;
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    if (record.subscriptionCancelled()) {
      return;
    }
    String subscriptionId = record.order().subscriptionId();
    SubscriptionResult result = ExternalSystemException.call("Stripe", rmaNumber, "Cancel Stripe subscription",
        () -> payments.cancelSubscription(subscriptionId, Effects.key(rmaNumber, ProcessIds.CANCEL_STRIPE_SUBSCRIPTION)));
    returns.markSubscriptionCancelled(rmaNumber, Actor.process("Cancel Stripe subscription"),
        "Subscription " + subscriptionId + (result.alreadyCancelled() ? " was already cancelled" : " " + result.status()));
  }
}
