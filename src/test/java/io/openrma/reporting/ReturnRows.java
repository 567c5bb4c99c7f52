package io.openrma.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.openrma.returns.Actor;
import io.openrma.returns.Address;
import io.openrma.returns.Customer;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.OrderReference;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnRepository;
import io.openrma.returns.ReturnStatus;
import io.openrma.system.DatabaseDialect;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Returns written straight into the returns tables (through the real repository, after the real
 * migrations), with the timestamps a test needs: the report's data without the engine.
 */
final class ReturnRows {

  private final ReturnRepository repository;

  ReturnRows(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    this.repository = new ReturnRepository(JdbcClient.create(dataSource), new DatabaseDialect(dataSource));
  }

  static ReturnLine line(ReturnReason reason, int quantity) {
    return new ReturnLine(0, "SKU-" + reason.ordinal(), "Item " + reason, ItemCategory.GENERAL, quantity, quantity,
        2500, 0, 0, reason, reason == ReturnReason.OTHER ? "other" : null, ItemCondition.NEW, null);
  }

  /** A return requested at {@code at} (status REQUESTED from then on); returns its id. */
  long requested(String rmaNumber, Instant at, String currency, ReturnLine... lines) {
    LocalDate ordered = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(10);
    List<ReturnLine> numbered = new java.util.ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      ReturnLine l = lines[i];
      numbered.add(new ReturnLine(i + 1, l.sku() + "-" + (i + 1), l.description(), l.category(), l.quantityOrdered(),
          l.quantityReturned(), l.unitPrice(), l.discount(), l.tax(), l.reason(), l.reasonText(),
          l.reportedCondition(), null));
    }
    ReturnRecord record = new ReturnRecord(0, rmaNumber, ReturnStatus.REQUESTED, Resolution.REFUND, false,
        new OrderReference("SO-" + rmaNumber.substring(4), ordered, ordered.plusDays(2), currency, 10_000, 490,
            "pi_test", null, null),
        new Customer("C-" + rmaNumber, "Jane Doe", "jane@example.com", null,
            new Address("Main St 1", null, "Berlin", null, "10115", "DE")),
        null, null, null, null, null, false, null, null, "carl", at, at, 0, List.copyOf(numbered));
    long id = repository.insert(record, null, null);
    repository.appendTimeline(id, at, Actor.user("carl"), "CREATED", ReturnStatus.REQUESTED, "requested");
    return id;
  }

  ReturnRows status(long id, ReturnStatus status, Instant at) {
    repository.updateStatus(id, status, at);
    repository.appendTimeline(id, at, Actor.process("test"), "STATUS_CHANGED", status, "-> " + status);
    return this;
  }

  ReturnRows refunded(long id, long total, long restockingFee, Instant at) {
    repository.updateRefundBreakdown(id, total + restockingFee, 0, restockingFee, 0, total, false, at);
    repository.updateRefundResult(id, "re_" + id, "SUCCEEDED", null, at);
    repository.markRefunded(id, at);
    return status(id, ReturnStatus.REFUNDED, at);
  }

  ReturnRows storeCredited(long id, long total, Instant at) {
    repository.updateRefundBreakdown(id, total, 0, 0, 0, total, false, at);
    repository.updateStoreCredit(id, "cbtxn_" + id, at);
    repository.markRefunded(id, at);
    return status(id, ReturnStatus.REFUNDED, at);
  }
}
