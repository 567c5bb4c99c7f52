package io.openrma.reporting;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.openrma.policy.Money;
import io.openrma.policy.PolicySimulation.Change;
import io.openrma.policy.PolicySimulation.Compared;

/**
 * A simulation's answer as the analysts' page shows it: money formatted, and the outcome chart's bars measured
 * here, so the page needs neither script nor inline style.
 */
record PolicySimulationPage(PolicySimulations.Answer answer, String currency, List<Row> outcomes, List<Bar> bars,
    List<Row> money, Row reviewsPerDay, List<ChangedRow> changed) {

  /** The chart's width for the largest count, in SVG user units; labels sit left and numbers right of it. */
  static final int BAR_SPACE = 380;
  static final int LABEL_WIDTH = 110;
  static final int GROUP_HEIGHT = 56;

  private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneOffset.UTC);
  private static final Map<String, String> KINDS = Map.of("AUTO_APPROVE", "Auto-approve", "REVIEW", "Review",
      "REJECT", "Reject", "KEEP_ITEM", "Keep item");
  private static final Map<String, String> MONEY = Map.of("restockingFees", "Restocking fees", "refundedShipping",
      "Refunded shipping", "keepItemWriteOff", "Keep-item write-off");

  /** One figure now, with the draft, and the difference, as text. */
  record Row(String label, String current, String draft, String difference) {
  }

  /** One bar of the chart: where it is, how long, and the number it stands for. */
  record Bar(String label, String series, long count, int y, int width, int textX, boolean draft) {
  }

  /** One return the draft decides differently. */
  record ChangedRow(String rmaNumber, String outcomeThen, String outcomeNow, String ruleThen, String ruleNow,
      String feeThen, String feeNow, String inputs) {
  }

  static PolicySimulationPage of(PolicySimulations.Answer answer) {
    var result = answer.result();
    String currency = answer.currencies().size() == 1 ? answer.currencies().get(0) : null;
    List<Row> outcomes = new ArrayList<>();
    List<Bar> bars = new ArrayList<>();
    long largest = Math.max(1, result.outcomes().values().stream()
        .mapToLong(c -> Math.max(c.current(), c.draft())).max().orElse(1));
    int group = 0;
    for (var entry : result.outcomes().entrySet()) {
      String label = KINDS.getOrDefault(entry.getKey(), entry.getKey());
      Compared c = entry.getValue();
      outcomes.add(new Row(label, Long.toString(c.current()), Long.toString(c.draft()), signed(c.difference())));
      int y = group * GROUP_HEIGHT + 4;
      bars.add(bar(label, "now", c.current(), y, largest, false));
      bars.add(bar(label, "draft", c.draft(), y + 22, largest, true));
      group++;
    }
    List<Row> money = new ArrayList<>();
    result.money().forEach((key, c) -> money.add(new Row(MONEY.getOrDefault(key, key),
        Money.format(c.current(), currency), Money.format(c.draft(), currency),
        (c.difference() > 0 ? "+" : "") + Money.format(c.difference(), currency))));
    Row reviews = new Row("Reviews per day", perDay(result.reviewsPerDayNow()), perDay(result.reviewsPerDayDraft()),
        signed(perDay(result.reviewsPerDayDraft() - result.reviewsPerDayNow())));
    List<ChangedRow> changed = result.changed().stream().map(c -> changed(c, currency)).toList();
    return new PolicySimulationPage(answer, currency, outcomes, bars, money, reviews, changed);
  }

  /** When the live version was published, in UTC, or null when nothing is deployed. */
  public String liveSince() {
    return answer.live() == null ? null : SINCE.format(answer.live().since()) + " UTC";
  }

  /** The SVG's height for all bars. */
  public int chartHeight() {
    return bars.size() / 2 * GROUP_HEIGHT;
  }

  private static Bar bar(String label, String series, long count, int y, long largest, boolean draft) {
    int width = (int) Math.round((double) count * BAR_SPACE / largest);
    return new Bar(label, series, count, y, width, LABEL_WIDTH + width + 6, draft);
  }

  private static ChangedRow changed(Change c, String currency) {
    return new ChangedRow(c.rmaNumber(), KINDS.getOrDefault(c.outcomeThen(), c.outcomeThen()),
        KINDS.getOrDefault(c.outcomeNow(), c.outcomeNow()), rule(c.ruleThen()), rule(c.ruleNow()),
        Money.format(c.feeThen(), currency), Money.format(c.feeNow(), currency),
        c.inputs().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
  }

  private static String rule(Integer row) {
    return row == null ? "none" : "rule " + row;
  }

  private static String signed(long value) {
    return (value > 0 ? "+" : "") + value;
  }

  /** A plus in front of a positive rounded figure; "0.0" when it rounds to nothing, either side. */
  private static String signed(String rounded) {
    if (rounded.matches("-?[0.]+")) {
      return rounded.replace("-", "");
    }
    return rounded.startsWith("-") ? rounded : "+" + rounded;
  }

  private static String perDay(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
