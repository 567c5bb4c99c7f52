package io.openrma.reporting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.openrma.policy.Money;
import io.openrma.reporting.DailyReport.CurrencyTotal;
import io.openrma.reporting.DailyReport.NewReturn;
import io.openrma.reporting.DailyReport.OverdueReturn;
import io.openrma.reporting.DailyReport.RefundedReturn;
import io.openrma.reporting.DailyReport.StatusCount;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report as people read it: the email (HTML and text from {@code templates/mail/daily-report.*}, rendered
 * by Boot's template engine), its CSV attachment (one row per return behind a figure) and the Slack message.
 */
@Component
public class DailyReportMessages {

  static final String TEMPLATE = "mail/daily-report";
  static final List<String> CSV_COLUMNS = List.of("section", "rma_number", "order_id", "status", "created_at",
      "reasons", "currency", "refund_total", "restocking_fee", "refund_kind", "refunded_at", "waiting_since",
      "waiting_hours", "sla_hours");
  /** How many RMA numbers per status the Slack message names before it says "and n more". */
  static final int CHAT_LIST_LIMIT = 10;

  private final ITemplateEngine templates;

  public DailyReportMessages(ITemplateEngine templates) {
    this.templates = templates;
  }

  public String subject(DailyReport report) {
    return "Returns report " + report.day() + ": " + report.newReturnCount() + " new, " + report.refundCount()
        + " refunded, " + report.overdue().size() + " waiting too long";
  }

  public String html(DailyReport report) {
    return templates.process(TEMPLATE, context(report));
  }

  public String text(DailyReport report) {
    return templates.process(TEMPLATE + ".txt", context(report));
  }

  public String csvFileName(DailyReport report) {
    return "returns-" + report.day() + ".csv";
  }

  /** RFC 4180: a header row, then one row per return in each section (NEW, REFUNDED, OVER_SLA). */
  public byte[] csv(DailyReport report) {
    StringBuilder csv = new StringBuilder();
    row(csv, CSV_COLUMNS);
    for (NewReturn r : report.newReturns()) {
      row(csv, List.of("NEW", r.rmaNumber(), r.orderId(), r.status(), r.createdAt().toString(),
          String.join(";", r.reasons()), "", "", "", "", "", "", "", ""));
    }
    for (RefundedReturn r : report.refunded()) {
      row(csv, List.of("REFUNDED", r.rmaNumber(), r.orderId(), "", "", "", r.currency(),
          decimal(r.total(), r.currency()), decimal(r.restockingFee(), r.currency()), r.kind(),
          r.refundedAt().toString(), "", "", ""));
    }
    for (OverdueReturn r : report.overdue()) {
      row(csv, List.of("OVER_SLA", r.rmaNumber(), r.orderId(), r.status(), "", "", "", "", "", "", "",
          r.since().toString(), Long.toString(r.waited().toHours()), Long.toString(r.sla().toHours())));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Slack mrkdwn. */
  public String slack(DailyReport report) {
    StringBuilder text = new StringBuilder();
    text.append(":bar_chart: *Returns report for ").append(report.day()).append("* (").append(report.zone())
        .append(")\n");
    text.append("• New returns: ").append(report.newReturnCount()).append('\n');
    text.append("• Refunds: ").append(report.refundCount());
    if (!report.refundTotals().isEmpty()) {
      text.append(" (").append(report.refundTotals().stream().map(t -> Money.format(t.amount(), t.currency())
          + ", restocking fees " + Money.format(t.restockingFees(), t.currency())).collect(Collectors.joining("; ")))
          .append(')');
    }
    text.append('\n');
    text.append("• Ended: ").append(report.closedCount());
    if (!report.closed().isEmpty()) {
      text.append(" (").append(counts(report.closed())).append(')');
    }
    text.append('\n');
    text.append("• Top reasons: ").append(report.topReasons().isEmpty()
        ? "none"
        : report.topReasons().stream()
            .map(r -> r.label() + " " + r.lines()).collect(Collectors.joining(", ")))
        .append('\n');
    text.append("• Waiting longer than the SLA: ").append(report.overdue().size());
    for (StatusCount status : report.overdueByStatus()) {
      List<String> numbers = report.overdue().stream().filter(r -> r.status().equals(status.status()))
          .map(OverdueReturn::rmaNumber).toList();
      text.append("\n    ").append(status.status()).append(" (").append(status.count()).append("): ")
          .append(String.join(", ", numbers.subList(0, Math.min(CHAT_LIST_LIMIT, numbers.size()))));
      if (numbers.size() > CHAT_LIST_LIMIT) {
        text.append(" and ").append(numbers.size() - CHAT_LIST_LIMIT).append(" more");
      }
    }
    return text.toString();
  }

  private Context context(DailyReport report) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("report", report);
    context.setVariable("subject", subject(report));
    List<Map<String, Object>> totals = new ArrayList<>();
    for (CurrencyTotal total : report.refundTotals()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("currency", total.currency());
      row.put("count", total.count());
      row.put("amount", Money.format(total.amount(), total.currency()));
      row.put("fees", Money.format(total.restockingFees(), total.currency()));
      totals.add(row);
    }
    context.setVariable("refundTotals", totals);
    context.setVariable("closedSummary", report.closed().isEmpty() ? "none" : counts(report.closed()));
    List<Map<String, Object>> overdue = new ArrayList<>();
    for (OverdueReturn r : report.overdue()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rmaNumber", r.rmaNumber());
      row.put("orderId", r.orderId());
      row.put("status", r.status());
      row.put("since", r.since());
      row.put("waited", describe(r.waited()));
      row.put("sla", describe(r.sla()));
      overdue.add(row);
    }
    context.setVariable("overdue", overdue);
    return context;
  }

  private static String counts(List<StatusCount> counts) {
    return counts.stream().map(c -> c.status() + " " + c.count()).collect(Collectors.joining(", "));
  }

  /** {@code 3d 4h}, {@code 5h}, {@code 0h}. */
  static String describe(Duration duration) {
    long days = duration.toDays();
    long hours = duration.minusDays(days).toHours();
    return days > 0 ? days + "d " + hours + "h" : hours + "h";
  }

  /** Minor units as a plain decimal in major units: {@code 8490, "EUR"} to {@code 84.90}. */
  static String decimal(long minorUnits, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return BigDecimal.valueOf(minorUnits).movePointLeft(digits).toPlainString();
  }

  private static void row(StringBuilder csv, List<String> values) {
    csv.append(values.stream().map(DailyReportMessages::field).collect(Collectors.joining(","))).append("\r\n");
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
