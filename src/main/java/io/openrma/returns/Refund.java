package io.openrma.returns;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Column;

/**
 * The refund of a return: the calculated breakdown (minor units) and what the payment provider
 * made of the current attempt ({@link ReturnRecord#refundAttempt()}). {@code total} is the refund as calculated;
 * store credit is that plus {@code bonus}, the store credit bonus promised when the return was created
 * ({@link ReturnRecord#storeCreditBonusPercent()}); {@code null} (returns before V12) and 0 are no bonus.
 */
public record Refund(@Column("refund_items") long items, @Column("refund_tax") long tax, long restockingFee,
    @Column("refund_shipping_amount") long shipping, @Column("refund_total") long total,
    @Column("refund_capped") boolean capped, String refundId, @Column("refund_status") String status,
    @Column("refund_failure") String failure, Instant refundedAt, String storeCreditId,
    @Column("refund_store_credit_bonus") Long bonus) {

  static final Refund NONE = new Refund(0, 0, 0, 0, 0, false, null, null, null, null, null, null);

  /** The store credit bonus on top of {@link #total()}, 0 for none. */
  public long storeCreditBonus() {
    return bonus == null ? 0 : bonus;
  }

  /** What store credit gives: the refund total plus the bonus. */
  public long storeCredit() {
    return total + storeCreditBonus();
  }

  Refund withBreakdown(long items, long tax, long restockingFee, long shipping, long total, boolean capped,
      long bonus) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, status, failure, refundedAt,
        storeCreditId, bonus == 0 ? null : bonus);
  }

  Refund withResult(String refundId, String status, String failure) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, status, failure, refundedAt,
        storeCreditId, bonus);
  }

  Refund withRefundedAt(Instant at) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, status, failure, at, storeCreditId,
        bonus);
  }

  Refund withStoreCredit(String creditId) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, "SUCCEEDED", failure, refundedAt,
        creditId, bonus);
  }

  /** The provider settled a refund with this status for good: succeeded, failed or cancelled. */
  static boolean isFinal(String refundStatus) {
    return "SUCCEEDED".equals(refundStatus) || "FAILED".equals(refundStatus) || "CANCELED".equals(refundStatus);
  }
}
