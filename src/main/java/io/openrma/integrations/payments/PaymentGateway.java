package io.openrma.integrations.payments;

import java.util.Map;

/** Refunds, store credit and subscriptions at the payment provider (Stripe). */
public interface PaymentGateway {

  /** What the payment captured and what was refunded from it so far, by anyone. */
  PaymentSummary paymentSummary(String paymentIntentId);

  /**
   * Refunds part or all of a payment. The same idempotency key always yields the same refund.
   *
   * @throws PaymentRefusedException when the provider refuses for good (already refunded, disputed, ...)
   */
  RefundResult refund(RefundCommand command);

  /** Cancels a subscription; cancelling one that is already cancelled is not an error. */
  SubscriptionResult cancelSubscription(String subscriptionId, String idempotencyKey);

  /** Credits the customer's balance with the merchant. */
  String issueStoreCredit(StoreCreditCommand command);

  record PaymentSummary(String paymentIntentId, String currency, long amountCaptured, long amountRefunded) {
  }

  record RefundCommand(String rmaNumber, String paymentIntentId, long amount, String currency, String reason,
      Map<String, String> metadata, String idempotencyKey) {
  }

  /** {@code status}: SUCCEEDED, PENDING, REQUIRES_ACTION, FAILED or CANCELED, as the provider reports it. */
  record RefundResult(String refundId, String status, String failureReason) {
    public boolean succeeded() {
      return "SUCCEEDED".equals(status);
    }

    public boolean failed() {
      return "FAILED".equals(status) || "CANCELED".equals(status);
    }
  }

  record SubscriptionResult(String subscriptionId, String status, boolean alreadyCancelled) {
  }

  record StoreCreditCommand(String rmaNumber, String customerId, long amount, String currency, String description,
      String idempotencyKey) {
  }
}
