package io.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.openrma.policy.PolicySimulation.Compared;
import io.openrma.policy.PolicySimulation.Outcome;
import io.openrma.policy.PolicySimulation.Recorded;
import io.openrma.policy.PolicySimulation.Result;
import org.junit.jupiter.api.Test;

/**
 * Drafts of processes/return-policy.dmn replayed over six recorded decisions, every figure worked out by hand:
 * a stricter draft (high value from 200.00 instead of 500.00, 25 % instead of 15 % for used items) and a looser
 * one (a 90-day window instead of 60).
 */
class PolicySimulationTest {

  private static final String KEY = "return-policy";

  /** The six recorded decisions of the live table, over 90 days. */
  private static final List<Recorded> RECORDED = List.of(
      recorded("RMA-000001", 10, "DOES_NOT_FIT", "APPAREL", 3_000, "NEW", approve(0), 11), // within policy
      recorded("RMA-000002", 35, "DOES_NOT_FIT", "APPAREL", 5_000, "NEW", review(0), 7), // late return
      recorded("RMA-000003", 5, "DOES_NOT_FIT", "ELECTRONICS", 30_000, "NEW", approve(0), 11),
      recorded("RMA-000004", 5, "DEFECTIVE", "GENERAL", 2_000, "NEW",
          new Outcome("AUTO_APPROVE", 0, true, true), 4), // cheap and our fault: kept, shipping refunded
      recorded("RMA-000005", 70, "DOES_NOT_FIT", "GENERAL", 4_000, "NEW", new Outcome("REJECT", 0, false, false), 3),
      recorded("RMA-000006", 3, "DOES_NOT_FIT", "APPAREL", 6_000, "USED", review(15), 9));

  private static Recorded recorded(String rma, int days, String reason, String category, long value, String condition,
      Outcome outcome, int row) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("daysSinceDelivery", days);
    inputs.put("returnReason", reason);
    inputs.put("itemCategory", category);
    inputs.put("returnValue", value);
    inputs.put("reportedCondition", condition);
    inputs.put("priorReturns", 0);
    return new Recorded(rma, inputs, outcome, row, 490, "EUR");
  }

  private static Outcome approve(int fee) {
    return new Outcome("AUTO_APPROVE", fee, false, false);
  }

  private static Outcome review(int fee) {
    return new Outcome("REVIEW", fee, false, false);
  }

  private static String live() throws IOException {
    return Files.readString(Path.of("processes", "return-policy.dmn"));
  }

  /** The live table with one entry's text replaced. */
  private static String with(String table, String entryId, String from, String to) {
    String entry = "<inputEntry id=\"" + entryId + "\">";
    String output = "<outputEntry id=\"" + entryId + "\">";
    int at = Math.max(table.indexOf(entry), table.indexOf(output));
    assertThat(at).as(entryId).isPositive();
    int text = table.indexOf("<text>" + from + "</text>", at);
    assertThat(text).as(entryId + " reads " + from).isPositive();
    return table.substring(0, text) + "<text>" + to + "</text>"
        + table.substring(text + ("<text>" + from + "</text>").length());
  }

  private static Result simulate(String draft) {
    return new PolicySimulation(draft.getBytes(StandardCharsets.UTF_8), KEY).run(RECORDED, 90);
  }

  @Test
  void theLiveTableItselfChangesNothing() throws IOException {
    Result result = simulate(live());
    assertThat(result.decisions()).isEqualTo(6);
    assertThat(result.changed()).isEmpty();
    assertThat(result.outcomes()).containsEntry("AUTO_APPROVE", new Compared(2, 2))
        .containsEntry("KEEP_ITEM", new Compared(1, 1)).containsEntry("REVIEW", new Compared(2, 2))
        .containsEntry("REJECT", new Compared(1, 1));
    assertThat(result.undecided()).isEmpty();
    assertThat(result.unknownInputs()).isEmpty();
  }

  @Test
  void aStricterDraftReviewsTheTelevisionAndChargesMoreForUsedItems() throws IOException {
    String stricter = with(with(live(), "Rule_HighValue_in3", "&gt;= 50000", "&gt;= 20000"),
        "Rule_UsedOrDamaged_out1", "15", "25");

    Result result = simulate(stricter);

    assertThat(result.outcomes()).containsEntry("AUTO_APPROVE", new Compared(2, 1))
        .containsEntry("KEEP_ITEM", new Compared(1, 1)).containsEntry("REVIEW", new Compared(2, 3))
        .containsEntry("REJECT", new Compared(1, 1));
    assertThat(result.changed()).extracting(c -> c.rmaNumber() + " " + c.outcomeThen() + "->" + c.outcomeNow()
        + " rule " + c.ruleThen() + "->" + c.ruleNow() + " fee " + c.feeThen() + "->" + c.feeNow())
        .containsExactly("RMA-000003 AUTO_APPROVE->REVIEW rule 11->8 fee 0->0",
            "RMA-000006 REVIEW->REVIEW rule 9->9 fee 900->1500");
    // 15 % then 25 % of 60.00
    assertThat(result.money()).containsEntry("restockingFees", new Compared(900, 1_500))
        .containsEntry("refundedShipping", new Compared(490, 490)).containsEntry("keepItemWriteOff",
            new Compared(2_000, 2_000));
    assertThat(result.money().get("restockingFees").difference()).isEqualTo(600);
    assertThat(result.reviewsPerDayNow()).isEqualTo(2 / 90.0);
    assertThat(result.reviewsPerDayDraft()).isEqualTo(3 / 90.0);
  }

  @Test
  void aLooserDraftWithANinetyDayWindowReviewsTheReturnItRejectedBefore() throws IOException {
    Result result = simulate(with(live(), "Rule_WindowPassed_in0", "&gt; 60", "&gt; 90"));

    assertThat(result.changed()).singleElement().satisfies(change -> {
      assertThat(change.rmaNumber()).isEqualTo("RMA-000005");
      assertThat(change.outcomeThen()).isEqualTo("REJECT");
      assertThat(change.outcomeNow()).isEqualTo("REVIEW"); // 70 days: now a late return
      assertThat(change.ruleNow()).isEqualTo(7);
      assertThat(change.inputs()).containsEntry("daysSinceDelivery", 70);
    });
    assertThat(result.outcomes()).containsEntry("REJECT", new Compared(1, 0)).containsEntry("REVIEW",
        new Compared(2, 3));
  }

  @Test
  void returnsNoRuleOfTheDraftDecidesAreNamedAndCountAsReviews() throws IOException {
    String table = live();
    int from = table.indexOf("<rule id=\"Rule_WithinPolicy\">");
    int to = table.indexOf("</rule>", from) + "</rule>".length();
    Result result = simulate(table.substring(0, from) + table.substring(to));

    assertThat(result.undecided()).containsExactly("RMA-000001", "RMA-000003");
    assertThat(result.outcomes()).containsEntry("AUTO_APPROVE", new Compared(2, 0))
        .containsEntry("REVIEW", new Compared(2, 4));
  }

  @Test
  void anInputTheRecordedDecisionsDoNotHaveIsNamed() throws IOException {
    String table = live().replace("<input id=\"InputDays\" label=\"Days since delivery\">",
        "<input id=\"InputTags\" label=\"Product tags\"><inputExpression id=\"InputTagsExpression\" typeRef=\"string\">"
            + "<text>productTags</text></inputExpression></input>\n<input id=\"InputDays\" label=\"Days since delivery\">");
    // every rule needs an entry for the new column: "-" (any)
    table = table.replaceAll("(<rule id=\"[^\"]+\">\\s*(<description>[^<]*</description>)?)",
        "$1<inputEntry id=\"tag$0\"><text></text></inputEntry>".replace("$0", ""));
    table = fixEntryIds(table);

    Result result = simulate(table);

    assertThat(result.unknownInputs()).containsExactly("productTags");
    assertThat(result.changed()).isEmpty();
  }

  @Test
  void returnsDecidedOncePerClassAreDecidedExactlyAsTheEngineDecidesEachOne() throws IOException {
    java.util.Random random = new java.util.Random(7);
    String[] reasons = {"DOES_NOT_FIT", "NO_LONGER_NEEDED", "DEFECTIVE", "WRONG_ITEM", "DAMAGED_IN_SHIPPING", "OTHER"};
    String[] categories = {"GENERAL", "APPAREL", "ELECTRONICS", "HYGIENE", "FINAL_SALE"};
    String[] conditions = {"NEW", "OPENED", "USED", "DAMAGED"};
    List<Recorded> many = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      // values at and around the table's limits (30, 60 days; 2500, 20000, 50000; 5 returns) as well as between
      int[] days = {0, 29, 30, 31, 59, 60, 61, 90};
      long[] values = {100, 2_499, 2_500, 2_501, 19_999, 20_000, 49_999, 50_000, 50_001, 90_000};
      Recorded r = recorded("RMA-" + i, days[random.nextInt(days.length)], reasons[random.nextInt(reasons.length)],
          categories[random.nextInt(categories.length)], values[random.nextInt(values.length)],
          conditions[random.nextInt(conditions.length)], approve(0), 11);
      r.inputs().put("priorReturns", random.nextInt(8));
      many.add(r);
    }
    byte[] stricter = with(live(), "Rule_HighValue_in3", "&gt;= 50000", "&gt;= 20000").getBytes(StandardCharsets.UTF_8);

    Result byClass = new PolicySimulation(stricter, KEY, true).run(many, 90);
    Result oneByOne = new PolicySimulation(stricter, KEY, false).run(many, 90);

    assertThat(byClass).isEqualTo(oneByOne);
    assertThat(byClass.changed()).isNotEmpty();
  }

  @Test
  void aFileThatIsNoReturnPolicyIsRefusedWithWhy() {
    assertThatThrownBy(() -> new PolicySimulation("<definitions/>".getBytes(StandardCharsets.UTF_8), KEY))
        .isInstanceOf(PolicySimulation.InvalidDraft.class).hasMessageContaining("return-policy");
  }

  /** Each added entry gets an id of its own, as the Modeler would give it. */
  private static String fixEntryIds(String table) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    int at = 0;
    String marker = "<inputEntry id=\"tag\">";
    for (int i = table.indexOf(marker); i >= 0; i = table.indexOf(marker, at)) {
      out.append(table, at, i).append("<inputEntry id=\"tag").append(++n).append("\">");
      at = i + marker.length();
    }
    return out.append(table.substring(at)).toString();
  }
}
