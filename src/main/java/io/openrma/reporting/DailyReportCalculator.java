package io.openrma.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.openrma.reporting.DailyReport.CurrencyTotal;
import io.openrma.reporting.DailyReport.NewReturn;
import io.openrma.reporting.DailyReport.OverdueReturn;
import io.openrma.reporting.DailyReport.ReasonCount;
import io.openrma.reporting.DailyReport.RefundedReturn;
import io.openrma.reporting.DailyReport.StatusCount;
import io.openrma.returns.ReturnStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes a {@link DailyReport} from the returns tables, nothing else: no engine, no clock of its own.
 * The day's bounds are computed here and passed as timestamps, so the same SQL runs on H2 and
 * PostgreSQL. It runs once a day; the queries use the indexes on creation and refund time, status and
 * timeline, except the count of returns that ended, which reads the day's timeline entries.
 */
@Component
public class DailyReportCalculator {

  private static final List<String> ENDED = List.of(ReturnStatus.CLOSED.name(), ReturnStatus.REJECTED.name(),
      ReturnStatus.EXPIRED.name(), ReturnStatus.CANCELLED.name());

  private final JdbcClient jdbc;

  public DailyReportCalculator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param day        the calendar day to report on, in {@code zone}
   * @param asOf       the moment up to which waiting times are measured (normally: now)
   * @param sla        the maximum time per status; statuses not in the map are not checked
   * @param topReasons how many reasons to list
   */
  public DailyReport compute(LocalDate day, ZoneId zone, Instant asOf, Map<ReturnStatus, Duration> sla,
      int topReasons) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    List<NewReturn> newReturns = newReturns(from, to);
    List<RefundedReturn> refunded = refunded(from, to);
    List<OverdueReturn> overdue = overdue(asOf, sla);
    return new DailyReport(day, zone.getId(), from, to, asOf, newReturns, refunded, totals(refunded),
        closed(from, to), topReasons(from, to, topReasons), overdue, overdueByStatus(overdue));
  }

  private record NewReturnLine(String rmaNumber, String orderId, String status, String resolution, Instant createdAt,
      String reason) {
  }

  private List<NewReturn> newReturns(Instant from, Instant to) {
    List<NewReturnLine> lines = jdbc.sql("""
        SELECT r.rma_number, r.order_id, r.status, r.resolution, r.created_at, l.reason
        FROM rma_return r JOIN rma_line l ON l.return_id = r.id
        WHERE r.created_at >= :from AND r.created_at < :to
        ORDER BY r.created_at, r.id, l.line_no
        """)
        .param("from", at(from)).param("to", at(to))
        .query((rs, n) -> new NewReturnLine(rs.getString("rma_number"), rs.getString("order_id"),
            rs.getString("status"), rs.getString("resolution"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("reason")))
        .list();
    Map<String, List<NewReturnLine>> byReturn = lines.stream()
        .collect(Collectors.groupingBy(NewReturnLine::rmaNumber, LinkedHashMap::new, Collectors.toList()));
    return byReturn.values().stream().map(group -> {
      NewReturnLine first = group.get(0);
      return new NewReturn(first.rmaNumber(), first.orderId(), first.status(), first.resolution(), first.createdAt(),
          group.stream().map(NewReturnLine::reason).toList());
    }).toList();
  }

  private List<ReasonCount> topReasons(Instant from, Instant to, int limit) {
    return jdbc.sql("""
        SELECT l.reason, COUNT(*) AS line_count, SUM(l.quantity_returned) AS units
        FROM rma_line l JOIN rma_return r ON r.id = l.return_id
        WHERE r.created_at >= :from AND r.created_at < :to
        GROUP BY l.reason
        """)
        .param("from", at(from)).param("to", at(to))
        .query((rs, n) -> new ReasonCount(rs.getString("reason"), rs.getLong("line_count"), rs.getLong("units")))
        .list().stream()
        .sorted(Comparator.comparingLong(ReasonCount::lines).reversed()
            .thenComparing(Comparator.comparingLong(ReasonCount::units).reversed())
            .thenComparing(ReasonCount::reason))
        .limit(Math.max(0, limit))
        .toList();
  }

  private List<RefundedReturn> refunded(Instant from, Instant to) {
    return jdbc.sql("""
        SELECT rma_number, order_id, currency, refund_total, restocking_fee, store_credit_id, refunded_at
        FROM rma_return WHERE refunded_at >= :from AND refunded_at < :to
        ORDER BY refunded_at, id
        """)
        .param("from", at(from)).param("to", at(to))
        .query((rs, n) -> new RefundedReturn(rs.getString("rma_number"), rs.getString("order_id"),
            rs.getString("currency").trim(), rs.getLong("refund_total"), rs.getLong("restocking_fee"),
            rs.getString("store_credit_id") == null ? "payment" : "store_credit",
            rs.getObject("refunded_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  private static List<CurrencyTotal> totals(List<RefundedReturn> refunded) {
    Map<String, List<RefundedReturn>> byCurrency = refunded.stream()
        .collect(Collectors.groupingBy(RefundedReturn::currency, TreeMap::new, Collectors.toList()));
    List<CurrencyTotal> totals = new ArrayList<>();
    byCurrency.forEach((currency, list) -> totals.add(new CurrencyTotal(currency, list.size(),
        list.stream().mapToLong(RefundedReturn::total).sum(),
        list.stream().mapToLong(RefundedReturn::restockingFee).sum())));
    return totals;
  }

  private List<StatusCount> closed(Instant from, Instant to) {
    return jdbc.sql("""
        SELECT status, COUNT(*) AS n FROM rma_timeline
        WHERE status IN (:ended) AND occurred_at >= :from AND occurred_at < :to
        GROUP BY status ORDER BY status
        """)
        .param("ended", ENDED).param("from", at(from)).param("to", at(to))
        .query((rs, n) -> new StatusCount(rs.getString("status"), rs.getLong("n")))
        .list();
  }

  /** Open returns in a checked status, with the time they entered it (their last timeline entry for it). */
  private List<OverdueReturn> overdue(Instant asOf, Map<ReturnStatus, Duration> sla) {
    if (sla.isEmpty()) {
      return List.of();
    }
    List<String> checked = sla.keySet().stream().map(Enum::name).toList();
    return jdbc.sql("""
        SELECT r.rma_number, r.order_id, r.status, MAX(t.occurred_at) AS since
        FROM rma_return r JOIN rma_timeline t ON t.return_id = r.id AND t.status = r.status
        WHERE r.status IN (:checked)
        GROUP BY r.id, r.rma_number, r.order_id, r.status
        """)
        .param("checked", checked)
        .query((rs, n) -> {
          Instant since = rs.getObject("since", OffsetDateTime.class).toInstant();
          ReturnStatus status = ReturnStatus.valueOf(rs.getString("status"));
          return new OverdueReturn(rs.getString("rma_number"), rs.getString("order_id"), status.name(), since,
              Duration.between(since, asOf), sla.get(status));
        })
        .list().stream()
        .filter(r -> r.waited().compareTo(r.sla()) > 0)
        .sorted(Comparator.comparing(OverdueReturn::waited).reversed().thenComparing(OverdueReturn::rmaNumber))
        .toList();
  }

  private static List<StatusCount> overdueByStatus(List<OverdueReturn> overdue) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ReturnStatus status : ReturnStatus.values()) {
      long count = overdue.stream().filter(r -> r.status().equals(status.name())).count();
      if (count > 0) {
        counts.put(status.name(), count);
      }
    }
    return counts.entrySet().stream().map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
