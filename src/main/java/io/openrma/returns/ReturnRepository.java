package io.openrma.returns;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The returns record through Spring Data JDBC, on the engine's data source and in the engine's
 * transactions: a status written by a process step commits or rolls back with that step. The few
 * queries written out are lookups of one column that the derived queries cannot express.
 */
interface ReturnRepository extends ListCrudRepository<ReturnRecord, Long> {

  Optional<ReturnRecord> findByRmaNumber(String rmaNumber);

  /** Locks the return's row until the transaction ends, so concurrent changes to one return queue up. */
  @Lock(LockMode.PESSIMISTIC_WRITE)
  Optional<ReturnRecord> findLockedByRmaNumber(String rmaNumber);

  Optional<ReturnRecord> findByIdempotencyKey(String idempotencyKey);

  @Query("SELECT rma_number FROM rma_return WHERE tracking_number = :tracking ORDER BY id DESC LIMIT 1")
  Optional<String> rmaNumberByTracking(String tracking);

  @Query("SELECT rma_number FROM rma_return WHERE source_return_id = :returnId")
  Optional<String> rmaNumberBySourceReturn(String returnId);

  @Query("SELECT source_return_id FROM rma_return WHERE source_name = :source AND order_id = :orderId "
      + "AND source_return_id IS NOT NULL")
  List<String> sourceReturnIds(String source, String orderId);

  @Query("SELECT rma_number FROM rma_return WHERE source_name = :source AND order_id = :orderId ORDER BY id")
  List<String> rmaNumbersBySourceOrder(String source, String orderId);

  /** The return's id alone: a timeline entry needs no more than that. */
  @Query("SELECT id FROM rma_return WHERE rma_number = :rmaNumber")
  Optional<Long> idByRmaNumber(String rmaNumber);

  @Query("SELECT rma_number FROM rma_return WHERE refund_id = :refundId")
  Optional<String> rmaNumberByRefundId(String refundId);

  @Query("SELECT rma_number FROM rma_return WHERE payment_intent_id = :paymentIntentId ORDER BY id")
  List<String> rmaNumbersByPaymentIntent(String paymentIntentId);

  /** Returns of this customer created since {@code since} (for the policy's "frequent returner" rule). */
  @Query("SELECT COUNT(*) FROM rma_return WHERE (customer_id = :customerId OR customer_email = :email) "
      + "AND created_at >= :since")
  int countReturnsOfCustomerSince(String customerId, String email, OffsetDateTime since);

  /** What the other returns of one payment have refunded (so together they never refund more than was paid). */
  @Query("SELECT COALESCE(SUM(refund_total), 0) FROM rma_return WHERE payment_intent_id = :paymentIntentId "
      + "AND id <> :excludingId AND refund_status = 'SUCCEEDED'")
  long refundedForPaymentIntent(String paymentIntentId, long excludingId);

  /** Units of this SKU in returns of the order that are not ended without effect (rejected, cancelled, expired). */
  @Query("SELECT COALESCE(SUM(l.quantity_returned), 0) FROM rma_line l JOIN rma_return r ON r.id = l.return_id "
      + "WHERE r.order_id = :orderId AND l.sku = :sku AND r.status NOT IN (:without)")
  int unitsInReturns(String orderId, String sku, Collection<String> without);
}
