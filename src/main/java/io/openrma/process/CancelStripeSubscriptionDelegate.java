package io.openrma.process;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.SubscriptionResult;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/** "Cancel Stripe subscription": cancels the subscription the returned order started, once. */
@Component
public class CancelStripeSubscriptionDelegate extends StepDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;

  CancelStripeSubscriptionDelegate(ReturnService returns, PaymentGateway payments) {
    this.returns = returns;
    this.payments = payments;
  }

  @Override
  protected void run(Step step) {
    if (step.done(1)) {
      return;
    }
    String subscriptionId = step.record().order().subscriptionId();
    SubscriptionResult result = step.call("Stripe", () -> payments.cancelSubscription(subscriptionId, step.key()));
    String outcome = result.alreadyCancelled() ? "was already cancelled" : result.status();
    step.made(1, "SUBSCRIPTION_CANCELLED", outcome, () -> returns.markSubscriptionCancelled(step.rmaNumber(),
        step.actor(), "Subscription " + subscriptionId + " " + outcome));
  }
}
