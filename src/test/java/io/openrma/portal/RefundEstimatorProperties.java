package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.openrma.policy.RefundCalculator;
import io.openrma.process.ReturnLifecycle;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnRecords;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * For any return a customer can ask for, the estimate is what {@link RefundCalculator} computes from the
 * lifecycle's policy inputs ({@link ReturnLifecycle#startVariables}), the policy table's answer and the items
 * inspected as reported: each unit refunded, the fee waived for our fault or a kept item, shipping as the table
 * says, capped by the payment, nothing for an exchange, and store credit with its bonus rounded half up.
 */
class RefundEstimatorProperties {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();
  private static final DmnDecision POLICY = parse();

  private final RefundEstimator estimator = new RefundEstimator(RefundEstimatorProperties::decide);

  @Property(tries = 300)
  void theEstimateIsTheCalculatorsRefundForTheLifecyclesInputs(@ForAll("lines") List<ReturnLine> lines,
      @ForAll Resolution resolution, @ForAll @IntRange(max = 80) int deliveredDaysAgo,
      @ForAll @IntRange(max = 7) int priorReturns, @ForAll @LongRange(max = 1_000) long shipping,
      @ForAll @LongRange(max = 400_000) long captured, @ForAll @IntRange(max = 100) int bonusPercent) {
    ReturnRecord draft = ReturnRecords.withStoreCreditBonus(RefundEstimatorTest.draft(resolution, deliveredDaysAgo,
        shipping, captured, lines.toArray(ReturnLine[]::new)), bonusPercent);

    RefundEstimator.Estimate estimate = estimator.estimate(draft, priorReturns, TODAY);

    Map<String, Object> policy = decide(ReturnLifecycle.startVariables(draft, priorReturns, TODAY));
    int fee = policy == null ? 0 : ((Number) policy.get("restockingFeePercent")).intValue();
    boolean keep = resolution == Resolution.KEEP_ITEM
        || (policy != null && Boolean.TRUE.equals(policy.get("keepItem")));
    boolean refundShipping = policy != null && Boolean.TRUE.equals(policy.get("refundShipping"));
    List<RefundCalculator.LineInput> inputs = new ArrayList<>();
    for (ReturnLine line : lines) {
      inputs.add(new RefundCalculator.LineInput(line.lineNo(), line.quantityOrdered(), line.quantityReturned(),
          line.netAmount(), line.tax(), keep || line.reason().isMerchantFault()));
    }
    RefundCalculator.Result expected = RefundCalculator
        .calculate(new RefundCalculator.Input(inputs, fee, refundShipping ? shipping : 0, captured));

    assertThat(estimate.decision()).isEqualTo(policy == null ? "REVIEW" : policy.get("decision"));
    assertThat(estimate.items()).isEqualTo(expected.items());
    assertThat(estimate.tax()).isEqualTo(expected.tax());
    assertThat(estimate.restockingFee()).isEqualTo(expected.restockingFee());
    assertThat(estimate.shipping()).isEqualTo(expected.shipping());
    assertThat(estimate.total()).isEqualTo(resolution == Resolution.EXCHANGE ? 0 : expected.total());
    // store credit: the refund plus the bonus, rounded half up, as "Calculate refund" adds it; nothing else has one
    long bonus = resolution == Resolution.STORE_CREDIT
        ? new BigDecimal(expected.total()).multiply(BigDecimal.valueOf(bonusPercent)).movePointLeft(2)
            .setScale(0, RoundingMode.HALF_UP).longValueExact()
        : 0;
    assertThat(estimate.bonus()).isEqualTo(bonus);
    assertThat(estimate.credit()).isEqualTo(estimate.total() + bonus);
    assertThat(estimate.lines()).extracting(RefundEstimator.Line::items)
        .containsExactlyElementsOf(expected.lines().stream().map(RefundCalculator.LineRefund::items).toList());
  }

  @Provide
  Arbitrary<List<ReturnLine>> lines() {
    Arbitrary<ReturnLine> line = Combinators.combine(Arbitraries.of(ItemCategory.values()),
        Arbitraries.integers().between(1, 4), Arbitraries.longs().between(1, 50_000),
        Arbitraries.longs().between(0, 10_000), Arbitraries.of(ReturnReason.values()),
        Arbitraries.of(ItemCondition.NEW, ItemCondition.OPENED, ItemCondition.USED, ItemCondition.DAMAGED))
        .flatAs((category, ordered, price, tax, reason, condition) -> Arbitraries.integers().between(1, ordered)
            .map(returned -> RefundEstimatorTest.line(0, category, ordered, returned, price, tax, reason,
                condition)));
    return line.list().ofMinSize(1).ofMaxSize(3).map(RefundEstimatorProperties::numbered);
  }

  private static List<ReturnLine> numbered(List<ReturnLine> lines) {
    List<ReturnLine> numbered = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ReturnLine l = lines.get(i);
      numbered.add(RefundEstimatorTest.line(i + 1, l.category(), l.quantityOrdered(), l.quantityReturned(),
          l.unitPrice(), l.tax(), l.reason(), l.reportedCondition()));
    }
    return numbered;
  }

  private static Map<String, Object> decide(Map<String, Object> inputs) {
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(POLICY, Variables.fromMap(inputs));
    return result.isEmpty() ? null : result.getSingleResult().getEntryMap();
  }

  private static DmnDecision parse() {
    try (InputStream dmn = RefundEstimatorProperties.class.getClassLoader()
        .getResourceAsStream("processes/return-policy.dmn")) {
      return ENGINE.parseDecision("return-policy", dmn);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
