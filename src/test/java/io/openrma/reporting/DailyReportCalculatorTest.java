package io.openrma.reporting;

import static io.openrma.reporting.ReturnRows.line;
import static io.openrma.returns.ReturnReason.DEFECTIVE;
import static io.openrma.returns.ReturnReason.DOES_NOT_FIT;
import static io.openrma.returns.ReturnReason.WRONG_ITEM;
import static io.openrma.returns.ReturnStatus.CLOSED;
import static io.openrma.returns.ReturnStatus.LABEL_ISSUED;
import static io.openrma.returns.ReturnStatus.REFUND_FAILED;
import static io.openrma.returns.ReturnStatus.REFUND_PENDING;
import static io.openrma.returns.ReturnStatus.REJECTED;
import static io.openrma.returns.ReturnStatus.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.openrma.reporting.DailyReport.CurrencyTotal;
import io.openrma.reporting.DailyReport.NewReturn;
import io.openrma.reporting.DailyReport.OverdueReturn;
import io.openrma.reporting.DailyReport.ReasonCount;
import io.openrma.reporting.DailyReport.RefundedReturn;
import io.openrma.reporting.DailyReport.StatusCount;
import io.openrma.returns.ReturnStatus;
import io.openrma.support.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report's figures straight from the returns tables, on H2 and on PostgreSQL: day boundaries in
 * the report's time zone, refunds per currency, ended returns, top reasons and the SLA check.
 */
class DailyReportCalculatorTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** 4 November 2026 in Berlin is 2026-11-03T23:00Z to 2026-11-04T23:00Z. */
  static final LocalDate DAY = LocalDate.of(2026, 11, 4);
  /** The report runs at 07:00 Berlin time the next morning. */
  static final Instant AS_OF = Instant.parse("2026-11-05T06:00:00Z");
  static final Map<ReturnStatus, Duration> SLA = Map.of(UNDER_REVIEW, Duration.ofDays(2),
      LABEL_ISSUED, Duration.ofDays(14), REFUND_FAILED, Duration.ofDays(2));

  @Nested
  class OnH2 extends Cases {
    @Override
    DataSource database() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:report-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      h2.setUser("sa");
      return h2;
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    DataSource database() {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(EmbeddedPostgres.newDatabase("report"));
      postgres.setUser("postgres");
      return postgres;
    }
  }

  /** The tests only read, so each database is filled once. */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Cases {

    ReturnRows rows;
    DailyReportCalculator calculator;

    abstract DataSource database();

    @BeforeAll
    void fillDatabase() {
      DataSource dataSource = database();
      rows = new ReturnRows(dataSource);
      calculator = new DailyReportCalculator(JdbcClient.create(dataSource));
      // requested 08:00 Berlin, in review since: new, not yet overdue (23 h of 2 days)
      long a = rows.requested("RMA-900001", t("2026-11-04T07:00:00Z"), "EUR", line(DOES_NOT_FIT, 2),
          line(DEFECTIVE, 1));
      rows.status(a, UNDER_REVIEW, t("2026-11-04T07:00:05Z"));
      // requested 00:30 Berlin on the day (23:30 UTC the day before): new
      rows.requested("RMA-900002", t("2026-11-03T23:30:00Z"), "EUR", line(DOES_NOT_FIT, 1));
      // requested 23:59 Berlin the day before: not new; refunded and closed on the day
      long c = rows.requested("RMA-900003", t("2026-11-03T22:59:00Z"), "EUR", line(WRONG_ITEM, 1));
      rows.refunded(c, 8490, 1500, t("2026-11-04T10:00:00Z")).status(c, CLOSED, t("2026-11-04T10:05:00Z"));
      // label issued 15 days before the report: over the 14-day SLA
      long d = rows.requested("RMA-900004", t("2026-10-20T09:00:00Z"), "EUR", line(DOES_NOT_FIT, 1));
      rows.status(d, LABEL_ISSUED, t("2026-10-20T10:00:00Z"));
      // in review for 6 days: over the 2-day SLA
      long e = rows.requested("RMA-900005", t("2026-10-30T08:00:00Z"), "EUR", line(DEFECTIVE, 1));
      rows.status(e, UNDER_REVIEW, t("2026-10-30T08:00:01Z"));
      // store credit in USD at 23:30 Berlin: on the day
      long f = rows.requested("RMA-900006", t("2026-10-28T08:00:00Z"), "USD", line(DEFECTIVE, 1));
      rows.storeCredited(f, 2000, t("2026-11-04T22:30:00Z"));
      // refunded at midnight Berlin: the next day
      long g = rows.requested("RMA-900007", t("2026-10-28T08:00:00Z"), "EUR", line(DEFECTIVE, 1));
      rows.refunded(g, 1000, 0, t("2026-11-04T23:00:00Z"));
      // rejected on the day
      long h = rows.requested("RMA-900008", t("2026-10-29T08:00:00Z"), "EUR", line(WRONG_ITEM, 1));
      rows.status(h, REJECTED, t("2026-11-04T12:00:00Z"));
      // refund failed long ago, retried, failed again last night: waiting since last night
      long i = rows.requested("RMA-900009", t("2026-10-20T08:00:00Z"), "EUR", line(DEFECTIVE, 1));
      rows.status(i, REFUND_FAILED, t("2026-10-25T08:00:00Z")).status(i, REFUND_PENDING, t("2026-11-03T08:00:00Z"))
          .status(i, REFUND_FAILED, t("2026-11-04T20:00:00Z"));
    }

    @Test
    void countsTheReturnsRequestedDuringTheDayInTheReportsTimeZone() {
      DailyReport report = calculator.compute(DAY, BERLIN, AS_OF, SLA, 5);

      assertThat(report.from()).isEqualTo(t("2026-11-03T23:00:00Z"));
      assertThat(report.to()).isEqualTo(t("2026-11-04T23:00:00Z"));
      assertThat(report.newReturns()).extracting(NewReturn::rmaNumber).containsExactly("RMA-900002", "RMA-900001");
      assertThat(report.newReturns().get(1).reasons()).containsExactly("DOES_NOT_FIT", "DEFECTIVE");
      assertThat(report.newReturns().get(1).orderId()).isEqualTo("SO-900001");
    }

    @Test
    void sumsTheDaysRefundsAndFeesPerCurrency() {
      DailyReport report = calculator.compute(DAY, BERLIN, AS_OF, SLA, 5);

      assertThat(report.refunded()).containsExactly(
          new RefundedReturn("RMA-900003", "SO-900003", "EUR", 8490, 1500, "payment", t("2026-11-04T10:00:00Z")),
          new RefundedReturn("RMA-900006", "SO-900006", "USD", 2000, 0, "store_credit", t("2026-11-04T22:30:00Z")));
      assertThat(report.refundTotals()).containsExactly(new CurrencyTotal("EUR", 1, 8490, 1500),
          new CurrencyTotal("USD", 1, 2000, 0));
    }

    @Test
    void countsTheReturnsThatEndedByHowTheyEnded() {
      DailyReport report = calculator.compute(DAY, BERLIN, AS_OF, SLA, 5);

      assertThat(report.closed()).containsExactly(new StatusCount("CLOSED", 1), new StatusCount("REJECTED", 1));
      assertThat(report.closedCount()).isEqualTo(2);
    }

    @Test
    void ranksTheReasonsOfTheNewReturnsByLinesThenUnits() {
      assertThat(calculator.compute(DAY, BERLIN, AS_OF, SLA, 5).topReasons()).containsExactly(
          new ReasonCount("DOES_NOT_FIT", 2, 3), new ReasonCount("DEFECTIVE", 1, 1));
      assertThat(calculator.compute(DAY, BERLIN, AS_OF, SLA, 1).topReasons()).extracting(ReasonCount::reason)
          .containsExactly("DOES_NOT_FIT");
    }

    @Test
    void listsOpenReturnsWaitingLongerThanTheirStatusAllowsLongestFirst() {
      DailyReport report = calculator.compute(DAY, BERLIN, AS_OF, SLA, 5);

      assertThat(report.overdue()).containsExactly(
          new OverdueReturn("RMA-900004", "SO-900004", "LABEL_ISSUED", t("2026-10-20T10:00:00Z"),
              Duration.between(t("2026-10-20T10:00:00Z"), AS_OF), Duration.ofDays(14)),
          new OverdueReturn("RMA-900005", "SO-900005", "UNDER_REVIEW", t("2026-10-30T08:00:01Z"),
              Duration.between(t("2026-10-30T08:00:01Z"), AS_OF), Duration.ofDays(2)));
      assertThat(report.overdueByStatus()).containsExactly(new StatusCount("UNDER_REVIEW", 1),
          new StatusCount("LABEL_ISSUED", 1));
    }

    @Test
    void checksNoStatusWithoutAnSla() {
      assertThat(calculator.compute(DAY, BERLIN, AS_OF, Map.of(), 5).overdue()).isEmpty();
      assertThat(calculator.compute(DAY, BERLIN, AS_OF, Map.of(UNDER_REVIEW, Duration.ofDays(2)), 5).overdue())
          .extracting(OverdueReturn::rmaNumber).containsExactly("RMA-900005");
    }

    @Test
    void reportsAnEmptyDayAsZeros() {
      DailyReport report = calculator.compute(LocalDate.of(2026, 9, 1), BERLIN, AS_OF, SLA, 5);

      assertThat(report.newReturns()).isEmpty();
      assertThat(report.refunded()).isEmpty();
      assertThat(report.refundTotals()).isEmpty();
      assertThat(report.closed()).isEmpty();
      assertThat(report.topReasons()).isEmpty();
    }
  }

  static Instant t(String instant) {
    return Instant.parse(instant);
  }
}
