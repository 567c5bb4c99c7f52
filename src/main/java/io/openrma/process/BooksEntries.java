package io.openrma.process;

import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.bookkeeping.Bookkeeping.Entry;
import io.openrma.integrations.bookkeeping.Bookkeeping.Line;
import io.openrma.policy.RefundCalculator;
import io.openrma.returns.Refund;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnRecord;

/**
 * A refunded return as the books get it: the lines as "Calculate refund" worked them out (the same calculation,
 * so each line's share and tax are the ones refunded), the fee, shipping and tax as recorded on the return; store
 * credit with its bonus as a line of its own, so the document's total is the credit the customer got.
 */
final class BooksEntries {

  private BooksEntries() {
  }

  static Entry of(ReturnRecord record, String requestId) {
    RefundCalculator.Input input = CalculateRefundDelegate.input(record, Long.MAX_VALUE);
    RefundCalculator.Result calculated = RefundCalculator.calculate(input);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < calculated.lines().size(); i++) {
      RefundCalculator.LineRefund share = calculated.lines().get(i);
      int quantity = input.lines().get(i).quantityRefunded();
      if (quantity == 0 || share.items() == 0) {
        continue;
      }
      ReturnLine line = record.line(share.lineNo());
      lines.add(new Line(line.sku(), line.description(), quantity, share.items(), share.tax() > 0));
    }
    Refund refund = record.refund();
    boolean credit = refund.storeCreditId() != null;
    String paymentRef = credit ? refund.storeCreditId() : refund.refundId();
    return new Entry(record.rmaNumber(), requestId, record.currency(), record.customer().name(),
        record.customer().email(), lines, refund.tax(), refund.restockingFee(), refund.shipping(),
        credit ? refund.storeCreditBonus() : 0, credit ? refund.storeCredit() : refund.total(), paymentRef);
  }
}
