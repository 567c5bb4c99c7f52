package io.openrma.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.openrma.system.DatabaseDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * OpenRMA's tables through plain JDBC, on the engine's data source and in the engine's
 * transactions: a status written by a process step commits or rolls back with that step.
 */
@Repository
public class ReturnRepository {

  private final JdbcClient jdbc;
  private final DatabaseDialect dialect;

  public ReturnRepository(JdbcClient jdbc, DatabaseDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  // -------------------------------------------------------------------------------------------- create

  public String nextRmaNumber() {
    long next = jdbc.sql(dialect.nextValue("rma_number_seq")).query(Long.class).single();
    return String.format("RMA-%06d", next);
  }

  /** Inserts a new return with its lines; returns its id. */
  public long insert(ReturnRecord r, String idempotencyKey, String requestHash) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO rma_return (rma_number, status, resolution, keep_item, order_id, order_date, delivery_date,
              currency, shipping_paid, amount_captured, payment_intent_id, subscription_id, stripe_customer_id,
              ticket_id, customer_id, customer_name, customer_email, customer_phone, address_line1, address_line2,
              address_city, address_state, address_postal_code, address_country, photos_url, idempotency_key,
              request_hash, created_by, created_at, updated_at)
            VALUES (:rma, :status, :resolution, :keepItem, :orderId, :orderDate, :deliveryDate, :currency,
              :shippingPaid, :captured, :pi, :sub, :cus, :ticket, :customerId, :name, :email, :phone, :line1, :line2,
              :city, :state, :postal, :country, :photos, :idem, :hash, :createdBy, :now, :now)
            """)
        .param("rma", r.rmaNumber()).param("status", r.status().name()).param("resolution", r.resolution().name())
        .param("keepItem", r.keepItem())
        .param("orderId", r.order().orderId()).param("orderDate", r.order().orderDate())
        .param("deliveryDate", r.order().deliveryDate()).param("currency", r.order().currency())
        .param("shippingPaid", r.order().shippingPaid()).param("captured", r.order().amountCaptured())
        .param("pi", r.order().paymentIntentId()).param("sub", r.order().subscriptionId())
        .param("cus", r.order().stripeCustomerId()).param("ticket", r.ticketId())
        .param("customerId", r.customer().customerId()).param("name", r.customer().name())
        .param("email", r.customer().email()).param("phone", r.customer().phone())
        .param("line1", r.customer().address().line1()).param("line2", r.customer().address().line2())
        .param("city", r.customer().address().city()).param("state", r.customer().address().state())
        .param("postal", r.customer().address().postalCode()).param("country", r.customer().address().country())
        .param("photos", r.photosUrl()).param("idem", idempotencyKey).param("hash", requestHash)
        .param("createdBy", r.createdBy()).param("now", at(r.createdAt()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (ReturnLine line : r.lines()) {
      jdbc.sql("""
              INSERT INTO rma_line (return_id, line_no, sku, description, category, quantity_ordered, quantity_returned,
                unit_price, discount, tax, reason, reason_text, reported_condition)
              VALUES (:id, :no, :sku, :description, :category, :ordered, :returned, :price, :discount, :tax, :reason,
                :reasonText, :condition)
              """)
          .param("id", id).param("no", line.lineNo()).param("sku", line.sku()).param("description", line.description())
          .param("category", line.category().name()).param("ordered", line.quantityOrdered())
          .param("returned", line.quantityReturned()).param("price", line.unitPrice()).param("discount", line.discount())
          .param("tax", line.tax()).param("reason", line.reason().name()).param("reasonText", line.reasonText())
          .param("condition", line.reportedCondition().name())
          .update();
    }
    return id;
  }

  // -------------------------------------------------------------------------------------------- read

  public Optional<ReturnRecord> findByRmaNumber(String rmaNumber) {
    return jdbc.sql("SELECT * FROM rma_return WHERE rma_number = :rma").param("rma", rmaNumber)
        .query(this::mapReturn).optional().map(this::withLines);
  }

  public Optional<ReturnRecord> findById(long id) {
    return jdbc.sql("SELECT * FROM rma_return WHERE id = :id").param("id", id)
        .query(this::mapReturn).optional().map(this::withLines);
  }

  /** Locks the return's row until the transaction ends, so concurrent changes to one return queue up. */
  public Optional<ReturnRecord> lockByRmaNumber(String rmaNumber) {
    return jdbc.sql("SELECT * FROM rma_return WHERE rma_number = :rma FOR UPDATE").param("rma", rmaNumber)
        .query(this::mapReturn).optional().map(this::withLines);
  }

  public Optional<ReturnRecord> findByIdempotencyKey(String key) {
    return jdbc.sql("SELECT * FROM rma_return WHERE idempotency_key = :key").param("key", key)
        .query(this::mapReturn).optional().map(this::withLines);
  }

  public Optional<String> requestHashOf(String idempotencyKey) {
    return jdbc.sql("SELECT request_hash FROM rma_return WHERE idempotency_key = :key").param("key", idempotencyKey)
        .query(String.class).optional();
  }

  public Optional<String> rmaNumberByTracking(String trackingNumber) {
    return jdbc.sql("SELECT rma_number FROM rma_return WHERE tracking_number = :tracking ORDER BY id DESC")
        .param("tracking", trackingNumber).query(String.class).list().stream().findFirst();
  }

  public Optional<String> rmaNumberByRefundId(String refundId) {
    return jdbc.sql("SELECT rma_number FROM rma_return WHERE refund_id = :refund").param("refund", refundId)
        .query(String.class).optional();
  }

  public List<String> rmaNumbersByPaymentIntent(String paymentIntentId) {
    return jdbc.sql("SELECT rma_number FROM rma_return WHERE payment_intent_id = :pi ORDER BY id")
        .param("pi", paymentIntentId).query(String.class).list();
  }

  public byte[] labelPdf(long returnId) {
    return jdbc.sql("SELECT label_pdf FROM rma_return WHERE id = :id").param("id", returnId)
        .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
  }

  /** Returns of this customer created since {@code since} (for the policy's "frequent returner" rule). */
  public int countReturnsOfCustomerSince(String customerId, String email, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM rma_return WHERE (customer_id = :id OR customer_email = :email) "
            + "AND created_at >= :since")
        .param("id", customerId).param("email", email).param("since", at(since)).query(Integer.class).single();
  }

  /** What the returns of one order have refunded so far (so two returns of one order never refund more than was paid). */
  public long refundedForPaymentIntent(String paymentIntentId, long excludingReturnId) {
    return jdbc.sql("SELECT COALESCE(SUM(refund_total), 0) FROM rma_return WHERE payment_intent_id = :pi "
            + "AND id <> :id AND refund_status = 'SUCCEEDED'")
        .param("pi", paymentIntentId).param("id", excludingReturnId).query(Long.class).single();
  }

  public record SearchCriteria(ReturnStatus status, String orderId, String email, String trackingNumber) {
  }

  public record Page<T>(List<T> items, int page, int size, long total) {
  }

  public Page<ReturnRecord> search(SearchCriteria criteria, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (criteria.status() != null) {
      where.append(" AND status = :status");
      params.put("status", criteria.status().name());
    }
    if (criteria.orderId() != null) {
      where.append(" AND order_id = :orderId");
      params.put("orderId", criteria.orderId());
    }
    if (criteria.email() != null) {
      where.append(" AND LOWER(customer_email) = :email");
      params.put("email", criteria.email().toLowerCase());
    }
    if (criteria.trackingNumber() != null) {
      where.append(" AND tracking_number = :tracking");
      params.put("tracking", criteria.trackingNumber());
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM rma_return" + where).params(params).query(Long.class).single();
    List<ReturnRecord> items = jdbc.sql("SELECT * FROM rma_return" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .params(params).param("limit", size).param("offset", (long) page * size)
        .query(this::mapReturn).list();
    List<ReturnRecord> withLines = new ArrayList<>(items.size());
    for (ReturnRecord item : items) {
      withLines.add(withLines(item));
    }
    return new Page<>(withLines, page, size, total);
  }

  public List<TimelineEntry> timeline(long returnId) {
    return jdbc.sql("SELECT * FROM rma_timeline WHERE return_id = :id ORDER BY id").param("id", returnId)
        .query((rs, n) -> new TimelineEntry(rs.getLong("id"), instant(rs, "occurred_at"),
            Actor.Type.valueOf(rs.getString("actor_type")), rs.getString("actor"), rs.getString("event"),
            rs.getString("status") == null ? null : ReturnStatus.valueOf(rs.getString("status")), rs.getString("detail")))
        .list();
  }

  // -------------------------------------------------------------------------------------------- write

  public void appendTimeline(long returnId, Instant at, Actor actor, String event, ReturnStatus status, String detail) {
    jdbc.sql("""
            INSERT INTO rma_timeline (return_id, occurred_at, actor_type, actor, event, status, detail)
            VALUES (:id, :at, :type, :actor, :event, :status, :detail)
            """)
        .param("id", returnId).param("at", at(at)).param("type", actor.type().name())
        .param("actor", truncate(actor.name(), 100)).param("event", event)
        .param("status", status == null ? null : status.name()).param("detail", truncate(detail, 2000))
        .update();
  }

  public void updateStatus(long returnId, ReturnStatus status, Instant at) {
    touch("status = :status", Map.of("status", status.name()), returnId, at);
  }

  public void updateProcessInstance(long returnId, String processInstanceId, Instant at) {
    touch("process_instance_id = :pi", Map.of("pi", processInstanceId), returnId, at);
  }

  public void updatePolicy(long returnId, PolicyOutcome policy, boolean keepItem, Instant at) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("decision", policy.decision());
    values.put("fee", policy.restockingFeePercent());
    values.put("shipping", policy.refundShipping());
    values.put("note", truncate(policy.note(), 500));
    values.put("keep", keepItem);
    touch("policy_decision = :decision, restocking_fee_percent = :fee, refund_shipping = :shipping, "
        + "policy_note = :note, keep_item = :keep", values, returnId, at);
  }

  public void updateLabel(long returnId, Label label, byte[] pdf, Instant at) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("labelId", label.labelId());
    values.put("carrier", label.carrier());
    values.put("service", label.service());
    values.put("tracking", label.trackingNumber());
    values.put("url", label.labelUrl());
    values.put("pdf", pdf);
    values.put("issued", at(label.issuedAt()));
    touch("label_id = :labelId, carrier = :carrier, carrier_service = :service, tracking_number = :tracking, "
        + "label_url = :url, label_pdf = :pdf, label_issued_at = :issued", values, returnId, at);
  }

  public void updateAddress(long returnId, Address address, Instant at) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("line1", address.line1());
    values.put("line2", address.line2());
    values.put("city", address.city());
    values.put("state", address.state());
    values.put("postal", address.postalCode());
    values.put("country", address.country());
    touch("address_line1 = :line1, address_line2 = :line2, address_city = :city, address_state = :state, "
        + "address_postal_code = :postal, address_country = :country", values, returnId, at);
  }

  public void updateRefundBreakdown(long returnId, long items, long tax, long fee, long shipping, long total,
      boolean capped, Instant at) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("items", items);
    values.put("tax", tax);
    values.put("fee", fee);
    values.put("shipping", shipping);
    values.put("total", total);
    values.put("capped", capped);
    touch("refund_items = :items, refund_tax = :tax, restocking_fee = :fee, refund_shipping_amount = :shipping, "
        + "refund_total = :total, refund_capped = :capped", values, returnId, at);
  }

  public void updateRefundResult(long returnId, String refundId, String status, String failure, Instant at) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("refundId", refundId);
    values.put("status", status);
    values.put("failure", truncate(failure, 500));
    touch("refund_id = :refundId, refund_status = :status, refund_failure = :failure", values, returnId, at);
  }

  public void markRefunded(long returnId, Instant at) {
    touch("refunded_at = :refundedAt", Map.of("refundedAt", at(at)), returnId, at);
  }

  public void startNewRefundAttempt(long returnId, Instant at) {
    touch("refund_attempt = refund_attempt + 1, refund_id = NULL, refund_status = NULL", Map.of(), returnId, at);
  }

  public void updateStoreCredit(long returnId, String creditId, Instant at) {
    touch("store_credit_id = :credit, refund_status = 'SUCCEEDED'", Map.of("credit", creditId), returnId, at);
  }

  public void markSubscriptionCancelled(long returnId, Instant at) {
    touch("subscription_cancelled = TRUE", Map.of(), returnId, at);
  }

  public void updateCancelReason(long returnId, String reason, Instant at) {
    touch("cancel_reason = :reason", Map.of("reason", truncate(reason, 500)), returnId, at);
  }

  public void updateInspection(long returnId, int lineNo, ReturnLine.Inspection inspection) {
    jdbc.sql("""
            UPDATE rma_line SET quantity_received = :received, inspected_condition = :condition,
              disposition = :disposition, inspection_notes = :notes, inspected_by = :by, inspected_at = :at
            WHERE return_id = :id AND line_no = :no
            """)
        .param("received", inspection.quantityReceived()).param("condition", inspection.condition().name())
        .param("disposition", inspection.disposition().name()).param("notes", truncate(inspection.notes(), 1000))
        .param("by", inspection.inspectedBy()).param("at", at(inspection.inspectedAt()))
        .param("id", returnId).param("no", lineNo)
        .update();
  }

  private void touch(String assignments, Map<String, ?> values, long returnId, Instant at) {
    jdbc.sql("UPDATE rma_return SET " + assignments + ", updated_at = :updatedAt, version = version + 1 WHERE id = :id")
        .params(values).param("updatedAt", at(at)).param("id", returnId)
        .update();
  }

  // -------------------------------------------------------------------------------------------- effects

  /** Records that an external effect happened; false if it was already recorded (by a retry or another node). */
  public boolean recordEffect(String key, String rmaNumber, String kind, String externalRef, Instant at) {
    if (findEffect(key).isPresent()) {
      return false;
    }
    jdbc.sql("INSERT INTO rma_effect (effect_key, rma_number, kind, external_ref, recorded_at) VALUES (:k, :rma, :kind, :ref, :at)")
        .param("k", key).param("rma", rmaNumber).param("kind", kind).param("ref", truncate(externalRef, 500))
        .param("at", at(at)).update();
    return true;
  }

  public Optional<String> findEffect(String key) {
    return jdbc.sql("SELECT COALESCE(external_ref, '') FROM rma_effect WHERE effect_key = :k").param("k", key)
        .query(String.class).optional();
  }

  // -------------------------------------------------------------------------------------------- mapping

  private ReturnRecord withLines(ReturnRecord r) {
    List<ReturnLine> lines = jdbc.sql("SELECT * FROM rma_line WHERE return_id = :id ORDER BY line_no").param("id", r.id())
        .query((rs, n) -> new ReturnLine(rs.getInt("line_no"), rs.getString("sku"), rs.getString("description"),
            ItemCategory.valueOf(rs.getString("category")), rs.getInt("quantity_ordered"), rs.getInt("quantity_returned"),
            rs.getLong("unit_price"), rs.getLong("discount"), rs.getLong("tax"), ReturnReason.valueOf(rs.getString("reason")),
            rs.getString("reason_text"), ItemCondition.valueOf(rs.getString("reported_condition")),
            rs.getString("inspected_condition") == null ? null : new ReturnLine.Inspection(
                rs.getInt("quantity_received"), ItemCondition.valueOf(rs.getString("inspected_condition")),
                Disposition.valueOf(rs.getString("disposition")), rs.getString("inspection_notes"),
                rs.getString("inspected_by"), instant(rs, "inspected_at"))))
        .list();
    return new ReturnRecord(r.id(), r.rmaNumber(), r.status(), r.resolution(), r.keepItem(), r.order(), r.customer(),
        r.ticketId(), r.photosUrl(), r.policy(), r.label(), r.refund(), r.subscriptionCancelled(), r.cancelReason(),
        r.processInstanceId(), r.createdBy(), r.createdAt(), r.updatedAt(), r.version(), List.copyOf(lines));
  }

  private ReturnRecord mapReturn(ResultSet rs, int row) throws SQLException {
    OrderReference order = new OrderReference(rs.getString("order_id"), rs.getObject("order_date", LocalDate.class),
        rs.getObject("delivery_date", LocalDate.class), rs.getString("currency").trim(), rs.getLong("amount_captured"),
        rs.getLong("shipping_paid"), rs.getString("payment_intent_id"), rs.getString("subscription_id"),
        rs.getString("stripe_customer_id"));
    Customer customer = new Customer(rs.getString("customer_id"), rs.getString("customer_name"),
        rs.getString("customer_email"), rs.getString("customer_phone"),
        new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("address_city"),
            rs.getString("address_state"), rs.getString("address_postal_code"), rs.getString("address_country").trim()));
    PolicyOutcome policy = rs.getString("policy_decision") == null ? null
        : new PolicyOutcome(rs.getString("policy_decision"), rs.getInt("restocking_fee_percent"),
            rs.getBoolean("keep_item"), rs.getBoolean("refund_shipping"), rs.getString("policy_note"));
    Label label = rs.getString("label_id") == null ? null
        : new Label(rs.getString("label_id"), rs.getString("carrier"), rs.getString("carrier_service"),
            rs.getString("tracking_number"), rs.getString("label_url"), instant(rs, "label_issued_at"));
    Refund refund = rs.getObject("refund_total") == null && rs.getString("store_credit_id") == null ? null
        : new Refund(rs.getLong("refund_items"), rs.getLong("refund_tax"), rs.getLong("restocking_fee"),
            rs.getLong("refund_shipping_amount"), rs.getLong("refund_total"), rs.getBoolean("refund_capped"),
            rs.getInt("refund_attempt"), rs.getString("refund_id"), rs.getString("refund_status"),
            rs.getString("refund_failure"), instant(rs, "refunded_at"), rs.getString("store_credit_id"));
    return new ReturnRecord(rs.getLong("id"), rs.getString("rma_number"), ReturnStatus.valueOf(rs.getString("status")),
        Resolution.valueOf(rs.getString("resolution")), rs.getBoolean("keep_item"), order, customer,
        rs.getString("ticket_id"), rs.getString("photos_url"), policy, label, refund,
        rs.getBoolean("subscription_cancelled"), rs.getString("cancel_reason"), rs.getString("process_instance_id"),
        rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"), List.of());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
