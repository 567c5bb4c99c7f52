package io.openrma.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.openrma.returns.ReturnReason;

/**
 * One day's figures and the returns behind them. Amounts are minor units of their currency; no
 * customer data, only RMA numbers and order ids.
 *
 * @param day      the calendar day reported on, in {@code zone}
 * @param from     start of that day (inclusive)
 * @param to       end of that day (exclusive)
 * @param asOf     when the report was computed: "waiting too long" is measured until then
 * @param closed   returns that ended during the day, by how they ended
 * @param overdue  open returns waiting longer than their status's SLA at {@code asOf}, longest first
 */
public record DailyReport(LocalDate day, String zone, Instant from, Instant to, Instant asOf,
    List<NewReturn> newReturns, List<RefundedReturn> refunded, List<CurrencyTotal> refundTotals,
    List<StatusCount> closed, List<ReasonCount> topReasons, List<OverdueReturn> overdue,
    List<StatusCount> overdueByStatus) {

  /** A return requested during the day, with the reason of each line. */
  public record NewReturn(String rmaNumber, String orderId, String status, String resolution, Instant createdAt,
      List<String> reasons) {
  }

  /** A return whose refund (payment or store credit) was completed during the day. */
  public record RefundedReturn(String rmaNumber, String orderId, String currency, long total, long restockingFee,
      String kind, Instant refundedAt) {
  }

  /** The day's refunds in one currency. */
  public record CurrencyTotal(String currency, long count, long amount, long restockingFees) {
  }

  public record StatusCount(String status, long count) {
  }

  /** A return reason of the day's new returns: on how many lines, for how many units. */
  public record ReasonCount(String reason, long lines, long units) {
    /** What the report's reader sees: {@link ReturnReason#label()}; the code itself stays in the CSV. */
    public String label() {
      try {
        return ReturnReason.valueOf(reason).label();
      } catch (IllegalArgumentException notAReasonAnyMore) {
        return reason;
      }
    }
  }

  /** An open return that has been in its status longer than the SLA allows. */
  public record OverdueReturn(String rmaNumber, String orderId, String status, Instant since, Duration waited,
      Duration sla) {
  }

  public long newReturnCount() {
    return newReturns.size();
  }

  public long refundCount() {
    return refunded.size();
  }

  public long closedCount() {
    return closed.stream().mapToLong(StatusCount::count).sum();
  }
}
