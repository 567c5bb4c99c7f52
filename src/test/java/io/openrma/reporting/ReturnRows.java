package io.openrma.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnStatus;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Returns written straight into the returns tables (after the real migrations), with the timestamps a
 * test needs: the report's data without the engine or the application.
 */
final class ReturnRows {

  private final JdbcClient jdbc;

  ReturnRows(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    this.jdbc = JdbcClient.create(dataSource);
  }

  static ReturnLine line(ReturnReason reason, int quantity) {
    return new ReturnLine(0, "SKU-" + reason.ordinal(), "Item " + reason, ItemCategory.GENERAL, quantity, quantity,
        2500, 0, 0, reason, reason == ReturnReason.OTHER ? "other" : null, ItemCondition.NEW, null, null, null);
  }

  /** A return requested at {@code at} (status REQUESTED from then on); returns its id. */
  long requested(String rmaNumber, Instant at, String currency, ReturnLine... lines) {
    LocalDate ordered = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(10);
    jdbc.sql("""
        INSERT INTO rma_return (rma_number, status, resolution, order_id, order_date, delivery_date, currency,
          shipping_paid, amount_captured, payment_intent_id, customer_id, customer_name, customer_email,
          address_line1, address_city, address_postal_code, address_country, created_by, created_at, updated_at)
        VALUES (:rma, 'REQUESTED', 'REFUND', :order, :ordered, :delivered, :currency, 490, 10000, 'pi_test',
          :customer, 'Jane Doe', 'jane@example.com', 'Main St 1', 'Berlin', '10115', 'DE', 'carl', :at, :at)""")
        .param("rma", rmaNumber).param("order", "SO-" + rmaNumber.substring(4)).param("ordered", ordered)
        .param("delivered", ordered.plusDays(2)).param("currency", currency).param("customer", "C-" + rmaNumber)
        .param("at", at(at)).update();
    long id = jdbc.sql("SELECT id FROM rma_return WHERE rma_number = :rma").param("rma", rmaNumber)
        .query(Long.class).single();
    for (int i = 0; i < lines.length; i++) {
      ReturnLine l = lines[i];
      jdbc.sql("""
          INSERT INTO rma_line (return_id, line_no, line_index, sku, description, category, quantity_ordered,
            quantity_returned, unit_price, discount, tax, reason, reason_text, reported_condition)
          VALUES (:id, :no, :index, :sku, :description, :category, :ordered, :returned, :price, :discount, :tax,
            :reason, :reasonText, :condition)""")
          .param("id", id).param("no", i + 1).param("index", i).param("sku", l.sku() + "-" + (i + 1))
          .param("description", l.description()).param("category", l.category().name())
          .param("ordered", l.quantityOrdered()).param("returned", l.quantityReturned()).param("price", l.unitPrice())
          .param("discount", l.discount()).param("tax", l.tax()).param("reason", l.reason().name())
          .param("reasonText", l.reasonText()).param("condition", l.reportedCondition().name()).update();
    }
    timeline(id, at, "CREATED", ReturnStatus.REQUESTED, "requested");
    return id;
  }

  ReturnRows status(long id, ReturnStatus status, Instant at) {
    jdbc.sql("UPDATE rma_return SET status = :status, updated_at = :at WHERE id = :id")
        .param("status", status.name()).param("at", at(at)).param("id", id).update();
    timeline(id, at, "STATUS_CHANGED", status, "-> " + status);
    return this;
  }

  ReturnRows refunded(long id, long total, long restockingFee, Instant at) {
    refund(id, total + restockingFee, restockingFee, total, "re_" + id, null, at);
    return status(id, ReturnStatus.REFUNDED, at);
  }

  ReturnRows storeCredited(long id, long total, Instant at) {
    refund(id, total, 0, total, null, "cbtxn_" + id, at);
    return status(id, ReturnStatus.REFUNDED, at);
  }

  private void refund(long id, long items, long fee, long total, String refundId, String creditId, Instant at) {
    jdbc.sql("""
        UPDATE rma_return SET refund_items = :items, refund_tax = 0, restocking_fee = :fee,
          refund_shipping_amount = 0, refund_total = :total, refund_capped = FALSE, refund_id = :refundId,
          refund_status = 'SUCCEEDED', store_credit_id = :creditId, refunded_at = :at, updated_at = :at
        WHERE id = :id""")
        .param("items", items).param("fee", fee).param("total", total).param("refundId", refundId)
        .param("creditId", creditId).param("at", at(at)).param("id", id).update();
  }

  private void timeline(long id, Instant at, String event, ReturnStatus status, String detail) {
    jdbc.sql("""
        INSERT INTO rma_timeline (return_id, occurred_at, actor_type, actor, event, status, detail)
        VALUES (:id, :at, 'PROCESS', 'test', :event, :status, :detail)""")
        .param("id", id).param("at", at(at)).param("event", event).param("status", status.name())
        .param("detail", detail).update();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
