package io.openrma.process;

import io.openrma.integrations.bookkeeping.Bookkeeping;
import io.openrma.integrations.bookkeeping.Bookkeeping.Entry;
import io.openrma.integrations.bookkeeping.Bookkeeping.Posted;
import io.openrma.policy.Money;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/**
 * "Record refund in QuickBooks": the refund (a refund receipt or credit memo) or the store credit (a credit memo)
 * posted to the books once, under the key of the refund attempt, so an engine retry never posts a second document.
 * Nothing refunded (an exchange) posts nothing.
 */
@Component
public class RecordRefundInBooksDelegate extends StepDelegate {

  static final String SYSTEM = "QuickBooks";

  private final Bookkeeping books;

  RecordRefundInBooksDelegate(Bookkeeping books) {
    this.books = books;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    int attempt = Math.max(1, record.refundAttempt());
    if (step.done(attempt)) {
      return;
    }
    if (record.refund() == null || record.refund().total() == 0) {
      step.note("NOT_BOOKED", "Nothing was refunded: nothing to post to the books");
      return;
    }
    Entry entry = BooksEntries.of(record, step.key(attempt));
    boolean storeCredit = record.refund().storeCreditId() != null;
    Posted posted = step.call(SYSTEM, () -> storeCredit ? books.recordStoreCredit(entry) : books.recordRefund(entry));
    step.made(attempt, "BOOKED", posted.type() + ":" + posted.id(), () -> step.note("BOOKED", posted.type() + " "
        + posted.id() + " (" + posted.docNumber() + ") of " + Money.format(posted.total(), record.currency())
        + " posted to the books"));
  }
}
