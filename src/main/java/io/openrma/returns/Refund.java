package io.openrma.returns;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Column;

/**
 * The refund of a return: the calculated breakdown (minor units) and what the payment provider
 * made of the current attempt ({@link ReturnRecord#refundAttempt()}).
 */
public record Refund(@Column("refund_items") long items, @Column("refund_tax") long tax, long restockingFee,
    @Column("refund_shipping_amount") long shipping, @Column("refund_total") long total,
    @Column("refund_capped") boolean capped, String refundId, @Column("refund_status") String status,
    @Column("refund_failure") String failure, Instant refundedAt, String storeCreditId) {

  static final Refund NONE = new Refund(0, 0, 0, 0, 0, false, null, null, null, null, null);

  Refund withBreakdown(long items, long tax, long restockingFee, long shipping, long total, boolean capped) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, status, failure, refundedAt,
        storeCreditId);
  }

  Refund withResult(String refundId, String status, String failure) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, status, failure, refundedAt,
        storeCreditId);
  }

  Refund withRefundedAt(Instant at) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, status, failure, at, storeCreditId);
  }

  Refund withStoreCredit(String creditId) {
    return new Refund(items, tax, restockingFee, shipping, total, capped, refundId, "SUCCEEDED", failure, refundedAt,
        creditId);
  }

  /** The provider settled a refund with this status for good: succeeded, failed or cancelled. */
  static boolean isFinal(String refundStatus) {
    return "SUCCEEDED".equals(refundStatus) || "FAILED".equals(refundStatus) || "CANCELED".equals(refundStatus);
  }
}
