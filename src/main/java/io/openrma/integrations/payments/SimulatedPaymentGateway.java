package io.openrma.integrations.payments;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Stripe when no secret key is configured. Remembers its refunds per idempotency key,
 * like Stripe, so retries return the same refund. Payment ids steer the demo's paths: a PaymentIntent
 * id containing {@code disputed} is refused, one containing {@code pending} refunds asynchronously.
 */
public class SimulatedPaymentGateway implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);

  private final Map<String, RefundResult> refunds = new ConcurrentHashMap<>();
  private final Map<String, Long> refundedByPayment = new ConcurrentHashMap<>();
  private final SimulatedLatency latency;

  public SimulatedPaymentGateway() {
    this(SimulatedLatency.NONE);
  }

  /** With {@code latency} before every answer ({@code openrma.simulation.latency}). */
  public SimulatedPaymentGateway(SimulatedLatency latency) {
    this.latency = latency;
  }

  @Override
  public PaymentSummary paymentSummary(String paymentIntentId) {
    latency.await();
    // the simulator never saw the payment: it reports no limit of its own, only its own refunds
    return new PaymentSummary(paymentIntentId, null, Long.MAX_VALUE,
        refundedByPayment.getOrDefault(paymentIntentId, 0L));
  }

  @Override
  public RefundResult refund(RefundCommand command) {
    latency.await();
    if (command.paymentIntentId().contains("disputed")) {
      log.warn("SIMULATED Stripe: refusing the refund of {} (payment is disputed)", command.rmaNumber());
      throw new PaymentRefusedException("charge_disputed",
          "The charge is disputed: refund it through the dispute instead (simulated)");
    }
    return refunds.computeIfAbsent(command.idempotencyKey(), key -> {
      boolean pending = command.paymentIntentId().contains("pending");
      RefundResult result = new RefundResult("re_sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
          pending ? "PENDING" : "SUCCEEDED", null);
      refundedByPayment.merge(command.paymentIntentId(), command.amount(), Long::sum);
      log.warn("SIMULATED Stripe: refund {} of {} {} for {} ({}; no money moved)", result.refundId(), command.amount(),
          command.currency(), command.rmaNumber(), result.status());
      return result;
    });
  }

  @Override
  public SubscriptionResult cancelSubscription(String subscriptionId, String idempotencyKey) {
    latency.await();
    log.warn("SIMULATED Stripe: subscription {} cancelled (nothing was cancelled)", subscriptionId);
    return new SubscriptionResult(subscriptionId, "canceled", false);
  }

  @Override
  public String issueStoreCredit(StoreCreditCommand command) {
    latency.await();
    String id = "cbtxn_sim_" + Math.abs(command.idempotencyKey().hashCode());
    log.warn("SIMULATED Stripe: store credit {} of {} {} for {}", id, command.amount(), command.currency(),
        command.rmaNumber());
    return id;
  }
}
