package io.openrma.process;

import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.PaymentSummary;
import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.integrations.shopify.ShopifyReturns.OrderPayment;
import io.openrma.policy.Money;
import io.openrma.policy.RefundCalculator;
import io.openrma.returns.PolicyOutcome;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * "Calculate refund": reads what the payment still allows from Stripe or Shopify, lets {@link RefundCalculator}
 * do the arithmetic, and stores the breakdown on the returns record, with the store credit bonus the return was
 * promised ({@link ReturnRecord#storeCreditBonusPercent()}).
 */
@Component
public class CalculateRefundDelegate extends StepDelegate {

  private final ReturnService returns;
  private final PaymentGateway payments;
  private final ShopifyReturns shopify;

  CalculateRefundDelegate(ReturnService returns, PaymentGateway payments, ShopifyReturns shopify) {
    this.returns = returns;
    this.payments = payments;
    this.shopify = shopify;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    long refundable = refundable(step);
    RefundCalculator.Result result = RefundCalculator.calculate(input(record, refundable));
    String currency = record.currency();
    String explanation;
    long total;
    long bonus = 0;
    if (record.resolution() == Resolution.EXCHANGE) {
      total = 0;
      explanation = "Exchange: nothing to refund (the returned items are worth "
          + Money.format(result.uncapped(), currency) + ")";
    } else {
      total = result.total();
      explanation = "Items " + Money.format(result.items(), currency) + " + tax " + Money.format(result.tax(), currency)
          + (result.restockingFee() > 0 ? " - restocking fee " + Money.format(result.restockingFee(), currency) : "")
          + (result.shipping() > 0 ? " + shipping " + Money.format(result.shipping(), currency) : "")
          + " = " + Money.format(total, currency)
          + (result.capped()
              ? " (capped: only " + Money.format(refundable, currency) + " is still refundable on the payment)"
              : "");
      if (record.resolution() == Resolution.STORE_CREDIT && record.storeCreditBonusPercent() > 0) {
        // the percent promised when the return was created, on the refund as calculated
        bonus = RefundCalculator.storeCreditBonus(total, record.storeCreditBonusPercent());
        explanation += "; store credit bonus " + record.storeCreditBonusPercent() + " % "
            + Money.format(bonus, currency) + ": credit " + Money.format(total + bonus, currency);
      }
    }
    returns.recordRefundCalculation(step.rmaNumber(), result.items(), result.tax(), result.restockingFee(),
        result.shipping(), total, result.capped(), bonus, explanation, step.actor());
    step.setVariable(ProcessIds.VAR_REFUND_TOTAL, total);
    // less left on the payment than calculated: finance decides, with both figures in front of them
    boolean capped = result.capped() && paysBack(record.resolution());
    step.setVariable(ProcessIds.VAR_REFUND_CAPPED, capped);
    if (capped) {
      step.setVariable(ProcessIds.VAR_REFUND_PROBLEM, "The payment has only " + Money.format(refundable, currency)
          + " left to refund, less than the calculated " + Money.format(result.uncapped(), currency)
          + ". \"Try the refund again\" refunds " + Money.format(total, currency) + ".");
    }
  }

  /** The resolutions whose money goes back to the payment, so the payment limits them. */
  private static boolean paysBack(Resolution resolution) {
    return resolution == Resolution.REFUND || resolution == Resolution.KEEP_ITEM;
  }

  /**
   * Captured minus already refunded, by the stricter of the payment provider's and OpenRMA's own figures: Stripe's
   * for a Stripe payment, Shopify's order totals for an order Shopify refunds (which counts refunds made in the
   * Shopify admin, so nothing is refunded twice).
   */
  private long refundable(Step step) {
    ReturnRecord record = step.record();
    long captured = record.order().amountCaptured();
    long refunded = returns.refundedByOtherReturns(record);
    String paymentIntentId = record.order().paymentIntentId();
    if (paymentIntentId != null) {
      PaymentSummary summary = step.call("Stripe", () -> payments.paymentSummary(paymentIntentId));
      captured = Math.min(captured, summary.amountCaptured());
      refunded = Math.max(refunded, summary.amountRefunded());
    } else if (record.source() != null && record.source().refundsPayment()) {
      OrderPayment payment = step.call(ShopifyMirror.SYSTEM, () -> shopify.payment(record.order().orderId()));
      captured = Math.min(captured, payment.received());
      refunded = Math.max(refunded, payment.refunded());
    }
    return Math.max(0, captured - refunded);
  }

  static RefundCalculator.Input input(ReturnRecord record, long refundable) {
    return input(record.lines(), record.keepItem(), record.policy(), record.order().shippingPaid(), refundable);
  }

  /**
   * What the calculator is given for these lines: each inspected unit that kept its value (every unit when the
   * customer keeps the item), the fee waived for a merchant's fault, shipping as the policy decided. Public so
   * that the customer portal's estimate is this same arithmetic, with the lines inspected as reported.
   */
  public static RefundCalculator.Input input(List<ReturnLine> returned, boolean keepItem, PolicyOutcome policy,
      long shippingPaid, long refundable) {
    List<RefundCalculator.LineInput> lines = new ArrayList<>();
    for (ReturnLine line : returned) {
      int refunded;
      if (keepItem) {
        refunded = line.quantityReturned();
      } else if (line.inspection() == null || line.inspection().condition().voidsRefund()) {
        refunded = 0;
      } else {
        refunded = Math.min(line.inspection().quantityReceived(), line.quantityReturned());
      }
      boolean feeWaived = keepItem || line.reason().isMerchantFault();
      lines.add(new RefundCalculator.LineInput(line.lineNo(), line.quantityOrdered(), refunded, line.netAmount(),
          line.tax(), feeWaived));
    }
    int feePercent = policy == null ? 0 : policy.restockingFeePercent();
    long shipping = policy != null && policy.refundShipping() ? shippingPaid : 0;
    return new RefundCalculator.Input(lines, feePercent, shipping, refundable);
  }
}
