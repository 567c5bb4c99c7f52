package io.openrma.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.openrma.policy.RefundCalculator;
import io.openrma.process.CalculateRefundDelegate;
import io.openrma.process.RecordPolicyOutcomeListener;
import io.openrma.process.ReturnLifecycle;
import io.openrma.returns.PolicyOutcome;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnRecord;

/**
 * The refund a customer can expect, before they submit: the return policy table asked with the variables the
 * lifecycle starts with ({@link ReturnLifecycle#startVariables}), its answer read as the lifecycle reads it
 * ({@link RecordPolicyOutcomeListener#outcome}), and the lines taken as inspected in the condition the customer
 * reported, through the lifecycle's own calculator input ({@link CalculateRefundDelegate#input}) and
 * {@link RefundCalculator}, and store credit's bonus by the percent on the draft as "Calculate refund" adds it.
 * An estimate until inspection: the warehouse may find otherwise, and the payment may
 * have been refunded in part since.
 */
class RefundEstimator {

  /** The return policy table: its single result for these inputs, {@code null} when no rule matched. */
  interface PolicyTable {
    Map<String, Object> decide(Map<String, Object> inputs);
  }

  /** One line of the estimate: what its units earn, before the fee. */
  record Line(int lineNo, String description, int quantity, long items, long tax) {
  }

  /**
   * The estimate. {@code decision} is the policy's ({@code AUTO_APPROVE}, {@code REVIEW}, {@code REJECT});
   * {@code exchange}: nothing is refunded, the items' value goes into the replacement. {@code total} is the refund;
   * store credit adds {@code bonus} ({@code bonusPercent} of it) and gives {@link #credit()}.
   */
  record Estimate(String currency, String decision, String note, Resolution resolution, List<Line> lines,
      long items, long tax, long restockingFee, long shipping, long total, boolean capped, int bonusPercent,
      long bonus) {

    public boolean exchange() {
      return resolution == Resolution.EXCHANGE;
    }

    public boolean storeCredit() {
      return resolution == Resolution.STORE_CREDIT;
    }

    /** What the customer gets: the refund, plus the bonus for store credit. */
    public long credit() {
      return total + bonus;
    }
  }

  private final PolicyTable table;

  RefundEstimator(PolicyTable table) {
    this.table = table;
  }

  /** The estimate for a return not saved yet ({@code ReturnCreation.preview}). */
  Estimate estimate(ReturnRecord draft, int priorReturns, LocalDate today) {
    PolicyOutcome policy = RecordPolicyOutcomeListener
        .outcome(table.decide(ReturnLifecycle.startVariables(draft, priorReturns, today)));
    boolean keepItem = policy.keepItem() || draft.resolution() == Resolution.KEEP_ITEM;
    List<ReturnLine> asReported = draft.lines().stream().map(RefundEstimator::inspectedAsReported).toList();
    RefundCalculator.Result result = RefundCalculator.calculate(CalculateRefundDelegate.input(asReported, keepItem,
        policy, draft.order().shippingPaid(), draft.order().amountCaptured()));
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < asReported.size(); i++) {
      ReturnLine line = asReported.get(i);
      RefundCalculator.LineRefund refund = result.lines().get(i);
      lines.add(new Line(line.lineNo(), line.description(), line.quantityReturned(), refund.items(), refund.tax()));
    }
    long total = draft.resolution() == Resolution.EXCHANGE ? 0 : result.total();
    // the bonus as "Calculate refund" works it out, from the percent the return is created with
    int bonusPercent = draft.resolution() == Resolution.STORE_CREDIT ? draft.storeCreditBonusPercent() : 0;
    long bonus = RefundCalculator.storeCreditBonus(total, bonusPercent);
    return new Estimate(draft.currency(), policy.decision(), policy.note(), draft.resolution(), List.copyOf(lines),
        result.items(), result.tax(), result.restockingFee(), result.shipping(), total, result.capped(), bonusPercent,
        bonus);
  }

  private static ReturnLine inspectedAsReported(ReturnLine line) {
    return new ReturnLine(line.lineNo(), line.sku(), line.description(), line.category(), line.quantityOrdered(),
        line.quantityReturned(), line.unitPrice(), line.discount(), line.tax(), line.reason(), line.reasonText(),
        line.reportedCondition(), new ReturnLine.Inspection(line.quantityReturned(), line.reportedCondition(), null,
            null, null, null),
        line.lineItemId(), line.exchangeVariantId());
  }
}
