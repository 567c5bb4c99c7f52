package io.openrma.returns;

import java.time.Instant;

/**
 * The refund of a return: the calculated breakdown (minor units) and what the payment provider
 * made of it.
 */
public record Refund(long items, long tax, long restockingFee, long shipping, long total, boolean capped,
    int attempt, String refundId, String status, String failure, Instant refundedAt, String storeCreditId) {
}
