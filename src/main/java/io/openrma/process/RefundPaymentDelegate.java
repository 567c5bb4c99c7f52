package io.openrma.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.RefundCommand;
import io.openrma.integrations.payments.PaymentGateway.RefundResult;
import io.openrma.integrations.payments.PaymentRefusedException;
import io.openrma.returns.Actor;
import io.openrma.returns.Refund;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Refund payment in Stripe": one refund per attempt, with the idempotency key
 * {@code RMA-001234:RefundPayment:<attempt>}. The refund id is stored the moment Stripe answers; a
 * retry that finds it does not call Stripe again, and if it did, Stripe would replay the same refund
 * for the same key. A pending refund waits for Stripe's webhook; a refusal for good goes to finance.
 */
@Component
public class RefundPaymentDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;

  public RefundPaymentDelegate(ReturnService returns, PaymentGateway payments) {
    this.returns = returns;
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    Refund refund = record.refund();
    if (refund.refundId() != null) {
      outcome(execution, refund.status(), refund.failure());  // refunded by an earlier attempt of this step
      return;
    }
    String key = Effects.key(rmaNumber, ProcessIds.REFUND_PAYMENT) + ":" + refund.attempt();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("rma_number", rmaNumber);
    metadata.put("order_id", record.order().orderId());
    metadata.put("attempt", String.valueOf(refund.attempt())); // tells Stripe's webhooks of an old attempt apart
    metadata.put("lines", record.lines().stream().map(l -> l.quantityReturned() + "x" + l.sku())
        .collect(Collectors.joining(",")));
    RefundResult result;
    try {
      result = ExternalSystemException.call("Stripe", rmaNumber, "Refund payment in Stripe",
          () -> payments.refund(new RefundCommand(rmaNumber, record.order().paymentIntentId(), refund.total(),
              record.currency(), "requested_by_customer", metadata, key)));
    } catch (PaymentRefusedException refused) {
      returns.recordRefundResult(rmaNumber, null, "REFUSED", refused.code() + ": " + refused.getMessage(),
          Actor.process("Refund payment in Stripe"));
      throw new BpmnError(ProcessIds.ERROR_REFUND_REFUSED, "Stripe refused the refund (" + refused.code() + "): "
          + refused.getMessage());
    }
    returns.recordRefundResult(rmaNumber, result.refundId(), result.status(), result.failureReason(),
        Actor.process("Refund payment in Stripe"));
    outcome(execution, result.status(), result.failureReason());
  }

  private static void outcome(DelegateExecution execution, String status, String failure) {
    if ("FAILED".equals(status) || "CANCELED".equals(status) || "REFUSED".equals(status)) {
      throw new BpmnError(ProcessIds.ERROR_REFUND_REFUSED, "Stripe reports the refund " + status.toLowerCase()
          + (failure == null ? "" : ": " + failure));
    }
    execution.setVariable(ProcessIds.VAR_REFUND_STATUS, "SUCCEEDED".equals(status) ? "SUCCEEDED" : "PENDING");
  }
}
