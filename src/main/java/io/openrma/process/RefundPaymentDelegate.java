package io.openrma.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.RefundCommand;
import io.openrma.integrations.payments.PaymentGateway.RefundResult;
import io.openrma.integrations.payments.PaymentRefusedException;
import io.openrma.integrations.shopify.ShopifyRefusedException;
import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Component;

/**
 * "Refund payment": the refund goes where the money is, one per attempt. A Stripe payment is refunded in
 * Stripe with the idempotency key {@code RMA-001234:RefundPayment:<attempt>}; a Shopify order paid through
 * anything else (Shopify Payments, PayPal, ...) is refunded by Shopify's {@code returnProcess} on the order's
 * transaction, together with the warehouse's dispositions, so the Shopify return is processed once. Never
 * both: the order's source decides. The refund id is stored with the step's effect the moment the provider
 * answers; a retry that finds it does not call again (and Stripe would replay the same refund for the same
 * key; Shopify, with nothing left unprocessed, answers the refund it made). A pending Stripe refund waits
 * for Stripe's webhook; a refusal for good goes to finance.
 */
@Component
public class RefundPaymentDelegate extends StepDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;
  private final ShopifyReturns shopify;

  RefundPaymentDelegate(ReturnService returns, PaymentGateway payments, ShopifyReturns shopify) {
    this.returns = returns;
    this.payments = payments;
    this.shopify = shopify;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    int attempt = record.refundAttempt();
    if (step.done(attempt)) {
      outcome(step, record.refund().status(), record.refund().failure()); // refunded by an earlier run of this step
      return;
    }
    String rma = step.rmaNumber();
    if (record.source() != null && record.source().refundsPayment()) {
      refundInShopify(step, record, attempt);
      return;
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("rma_number", rma);
    metadata.put("order_id", record.order().orderId());
    metadata.put("attempt", String.valueOf(attempt)); // tells Stripe's webhooks of an old attempt apart
    metadata.put("lines", record.lines().stream().map(l -> l.quantityReturned() + "x" + l.sku())
        .collect(Collectors.joining(",")));
    RefundResult result;
    try {
      result = step.call("Stripe", () -> payments.refund(new RefundCommand(rma, record.order().paymentIntentId(),
          record.refund().total(), record.currency(), "requested_by_customer", metadata, step.key(attempt))));
    } catch (PaymentRefusedException refused) {
      returns.recordRefundResult(rma, null, "REFUSED", refused.code() + ": " + refused.getMessage(), step.actor());
      throw new BpmnError(ProcessIds.ERROR_REFUND_REFUSED, "Stripe refused the refund (" + refused.code() + "): "
          + refused.getMessage());
    }
    step.made(attempt, "REFUND", result.refundId(), () -> returns.recordRefundResult(rma, result.refundId(),
        result.status(), result.failureReason(), step.actor()));
    outcome(step, result.status(), result.failureReason());
  }

  private void refundInShopify(Step step, ReturnRecord record, int attempt) {
    String rma = step.rmaNumber();
    String returnId = ShopifyMirror.returnId(record);
    long shipping = Math.min(record.refund().shipping(), record.refund().total());
    ShopifyReturns.Processed result;
    try {
      result = step.call(ShopifyMirror.SYSTEM, () -> shopify.process(returnId, ShopifyMirror.dispositions(record),
          new ShopifyReturns.Refund(record.source().transactionId(), record.refund().total(), shipping,
              record.currency())));
    } catch (ExternalSystemException e) {
      if (e.getCause() instanceof ShopifyRefusedException refused) {
        returns.recordRefundResult(rma, null, "REFUSED", String.join("; ", refused.messages()), step.actor());
        throw new BpmnError(ProcessIds.ERROR_REFUND_REFUSED, "Shopify refused the refund: "
            + String.join("; ", refused.messages()));
      }
      throw e;
    }
    // Shopify made the refund; a gateway that settles later (PENDING) settles it with the customer, and no
    // Stripe webhook will come for it: the return goes on as refunded, with the pending state on its timeline
    String reported = result.refundStatus() == null ? "FAILED" : result.refundStatus();
    String status = "PENDING".equals(reported) ? "SUCCEEDED" : reported;
    if ("PENDING".equals(reported)) {
      step.note("REFUND_PENDING_AT_GATEWAY", "Shopify reports refund " + result.refundId()
          + " as pending at the payment gateway; Shopify completes it");
    }
    step.made(attempt, "REFUND", result.refundId(), () -> returns.recordRefundResult(rma, result.refundId(), status,
        "FAILED".equals(status) ? "Shopify reports the refund failed" : null, step.actor()));
    outcome(step, status, null);
  }

  private static void outcome(Step step, String status, String failure) {
    if ("FAILED".equals(status) || "CANCELED".equals(status) || "REFUSED".equals(status)) {
      throw new BpmnError(ProcessIds.ERROR_REFUND_REFUSED,
          "The payment provider reports the refund " + status.toLowerCase()
              + (failure == null ? "" : ": " + failure));
    }
    step.setVariable(ProcessIds.VAR_REFUND_STATUS, "SUCCEEDED".equals(status) ? "SUCCEEDED" : "PENDING");
  }
}
