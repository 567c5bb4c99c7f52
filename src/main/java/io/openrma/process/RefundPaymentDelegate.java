package io.openrma.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.RefundCommand;
import io.openrma.integrations.payments.PaymentGateway.RefundResult;
import io.openrma.integrations.payments.PaymentRefusedException;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Component;

/**
 * "Refund payment in Stripe": one refund per attempt, with the idempotency key
 * {@code RMA-001234:RefundPayment:<attempt>}. The refund id is stored with the step's effect the moment
 * Stripe answers; a retry that finds it does not call Stripe again, and if it did, Stripe would replay
 * the same refund for the same key. A pending refund waits for Stripe's webhook; a refusal for good
 * goes to finance.
 */
@Component
public class RefundPaymentDelegate extends StepDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;

  RefundPaymentDelegate(ReturnService returns, PaymentGateway payments) {
    this.returns = returns;
    this.payments = payments;
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

  private static void outcome(Step step, String status, String failure) {
    if ("FAILED".equals(status) || "CANCELED".equals(status) || "REFUSED".equals(status)) {
      throw new BpmnError(ProcessIds.ERROR_REFUND_REFUSED, "Stripe reports the refund " + status.toLowerCase()
          + (failure == null ? "" : ": " + failure));
    }
    step.setVariable(ProcessIds.VAR_REFUND_STATUS, "SUCCEEDED".equals(status) ? "SUCCEEDED" : "PENDING");
  }
}
