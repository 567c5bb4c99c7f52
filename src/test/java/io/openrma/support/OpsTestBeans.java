package io.openrma.support;

import java.time.Instant;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.SimulatedPaymentGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans of the {@link OpsTest} context: a clock the tests move and a Stripe that can fail. */
@TestConfiguration(proxyBeanMethods = false)
public class OpsTestBeans {

  /**
   * Each test class sets its own months so that their data never overlap: the daily report January and
   * February 2026 (before everything else, so no other test's return can be "waiting" at report time),
   * metrics May, webhooks June, incidents July, logs August, history cleanup September.
   */
  @Bean
  @Primary
  MutableClock opsClock() {
    return new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
  }

  /** The simulator, except that a PaymentIntent id containing {@code outage} meets a network failure. */
  @Bean
  @Primary
  PaymentGateway stripeWithOutages() {
    SimulatedPaymentGateway simulator = new SimulatedPaymentGateway();
    return new PaymentGateway() {
      @Override
      public PaymentSummary paymentSummary(String paymentIntentId) {
        return simulator.paymentSummary(paymentIntentId);
      }

      @Override
      public RefundResult refund(RefundCommand command) {
        if (command.paymentIntentId().contains("outage")) {
          throw new IllegalStateException("Connection reset while calling api.stripe.com (jane@example.com)");
        }
        return simulator.refund(command);
      }

      @Override
      public SubscriptionResult cancelSubscription(String subscriptionId, String idempotencyKey) {
        return simulator.cancelSubscription(subscriptionId, idempotencyKey);
      }

      @Override
      public String issueStoreCredit(StoreCreditCommand command) {
        return simulator.issueStoreCredit(command);
      }
    };
  }
}
