package io.openrma.integrations.bookkeeping;

import java.util.List;

/**
 * The merchant's books: a refund is posted as a refund receipt (or credit memo), store credit always as a
 * credit memo. The same {@link Entry#requestId()} never posts a second document.
 */
public interface Bookkeeping {

  /** Posts money paid back to the customer; answers the document as the books have it. */
  Posted recordRefund(Entry entry);

  /** Posts store credit given instead of money (a credit memo). */
  Posted recordStoreCredit(Entry entry);

  /**
   * One refund as the books get it, money in minor units of {@code currency}. {@code total} is what was refunded
   * (or credited): lines + tax - restocking fee + shipping + store credit bonus must add up to it exactly.
   *
   * @param requestId        idempotency key (at most 50 characters), derived from the RMA and the refund attempt
   * @param storeCreditBonus the merchant's bonus on top of a store credit (its own line), 0 for none
   * @param paymentRef       the payment system's id of the refund or store credit
   */
  record Entry(String rmaNumber, String requestId, String currency, String customerName, String customerEmail,
      List<Line> lines, long tax, long restockingFee, long shipping, long storeCreditBonus, long total,
      String paymentRef) {

    public Entry {
      lines = List.copyOf(lines);
    }

    /** What the lines, tax, fee, shipping and bonus add up to. */
    public long sum() {
      return lines.stream().mapToLong(Line::amount).sum() + tax - restockingFee + shipping + storeCreditBonus;
    }
  }

  /** A returned item: {@code amount} is what is refunded for {@code quantity} units, before tax. */
  record Line(String sku, String description, int quantity, long amount, boolean taxable) {
  }

  /** {@code type}: RefundReceipt or CreditMemo; {@code total} in minor units as the books answered it. */
  record Posted(String type, String id, String docNumber, long total) {
  }
}
