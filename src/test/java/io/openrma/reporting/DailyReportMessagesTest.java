package io.openrma.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.openrma.reporting.DailyReport.CurrencyTotal;
import io.openrma.reporting.DailyReport.NewReturn;
import io.openrma.reporting.DailyReport.OverdueReturn;
import io.openrma.reporting.DailyReport.ReasonCount;
import io.openrma.reporting.DailyReport.RefundedReturn;
import io.openrma.reporting.DailyReport.StatusCount;
import io.openrma.support.Templates;
import org.junit.jupiter.api.Test;

/** How the report reads: the email's HTML and text, the CSV, the Slack message. */
class DailyReportMessagesTest {

  final DailyReportMessages messages = new DailyReportMessages(Templates.engine());

  final DailyReport report = new DailyReport(LocalDate.of(2026, 11, 4), "Europe/Berlin",
      Instant.parse("2026-11-03T23:00:00Z"), Instant.parse("2026-11-04T23:00:00Z"),
      Instant.parse("2026-11-05T06:00:00Z"),
      List.of(new NewReturn("RMA-001001", "SO-1, gift", "UNDER_REVIEW", "REFUND", Instant.parse("2026-11-04T07:00:00Z"),
          List.of("DOES_NOT_FIT", "DEFECTIVE"))),
      List.of(
          new RefundedReturn("RMA-000990", "SO-2", "EUR", 8490, 1500, "payment", Instant.parse("2026-11-04T10:00:00Z")),
          new RefundedReturn("RMA-000991", "SO-3", "JPY", 5000, 0, "store_credit",
              Instant.parse("2026-11-04T11:00:00Z"))),
      List.of(new CurrencyTotal("EUR", 1, 8490, 1500), new CurrencyTotal("JPY", 1, 5000, 0)),
      List.of(new StatusCount("CLOSED", 3), new StatusCount("REJECTED", 1)),
      List.of(new ReasonCount("DOES_NOT_FIT", 1, 2), new ReasonCount("DEFECTIVE", 1, 1)),
      List.of(new OverdueReturn("RMA-000900", "SO-4", "LABEL_ISSUED", Instant.parse("2026-10-20T10:00:00Z"),
          Duration.ofDays(15).plusHours(20), Duration.ofDays(14))),
      List.of(new StatusCount("LABEL_ISSUED", 1)));

  @Test
  void csvHasAHeaderRowAndOneRowPerReturnBehindAFigure() {
    List<String> lines = List.of(new String(messages.csv(report), StandardCharsets.UTF_8).split("\r\n"));

    assertThat(lines).containsExactly(
        "section,rma_number,order_id,status,created_at,reasons,currency,refund_total,restocking_fee,refund_kind,"
            + "refunded_at,waiting_since,waiting_hours,sla_hours",
        "NEW,RMA-001001,\"SO-1, gift\",UNDER_REVIEW,2026-11-04T07:00:00Z,DOES_NOT_FIT;DEFECTIVE,,,,,,,,",
        "REFUNDED,RMA-000990,SO-2,,,,EUR,84.90,15.00,payment,2026-11-04T10:00:00Z,,,",
        "REFUNDED,RMA-000991,SO-3,,,,JPY,5000,0,store_credit,2026-11-04T11:00:00Z,,,",
        "OVER_SLA,RMA-000900,SO-4,LABEL_ISSUED,,,,,,,,2026-10-20T10:00:00Z,380,336");
    assertThat(messages.csvFileName(report)).isEqualTo("returns-2026-11-04.csv");
  }

  @Test
  void emailShowsTheFiguresInHtmlAndText() {
    String html = messages.html(report);
    String text = messages.text(report);

    assertThat(messages.subject(report)).isEqualTo("Returns report 2026-11-04: 1 new, 2 refunded, 1 waiting too long");
    assertThat(html).contains("Returns report for <span>2026-11-04</span>", "84.90 EUR", "15.00 EUR", "5000 JPY",
        "CLOSED 3, REJECTED 1", "Does not fit", "RMA-000900", "15d 20h", "14d 0h");
    assertThat(text).contains("New returns                  1", "Refunds completed            2",
        "EUR: 1 refund(s), 84.90 EUR, restocking fees 15.00 EUR", "Does not fit: 1 line(s), 2 unit(s)",
        "RMA-000900 (order SO-4) LABEL_ISSUED for 15d 20h, SLA 14d 0h");
  }

  @Test
  void slackMessageSummarisesAndNamesTheReturnsWaitingTooLong() {
    assertThat(messages.slack(report)).isEqualTo("""
        :bar_chart: *Returns report for 2026-11-04* (Europe/Berlin)
        • New returns: 1
        • Refunds: 2 (84.90 EUR, restocking fees 15.00 EUR; 5000 JPY, restocking fees 0 JPY)
        • Ended: 4 (CLOSED 3, REJECTED 1)
        • Top reasons: Does not fit 1, Defective 1
        • Waiting longer than the SLA: 1
            LABEL_ISSUED (1): RMA-000900""");
  }

  @Test
  void slackNamesAtMostTenReturnsPerStatus() {
    List<OverdueReturn> many = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      many.add(new OverdueReturn("RMA-0001" + (10 + i), "SO", "UNDER_REVIEW", report.from(), Duration.ofDays(3),
          Duration.ofDays(2)));
    }
    DailyReport busy = new DailyReport(report.day(), report.zone(), report.from(), report.to(), report.asOf(),
        List.of(), List.of(), List.of(), List.of(), List.of(), many, List.of(new StatusCount("UNDER_REVIEW", 12)));

    assertThat(messages.slack(busy)).contains("UNDER_REVIEW (12): RMA-000110, ", "RMA-000119 and 2 more")
        .doesNotContain("RMA-000120");
  }
}
