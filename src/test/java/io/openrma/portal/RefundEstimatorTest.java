package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.openrma.policy.RefundCalculator;
import io.openrma.returns.Address;
import io.openrma.returns.Customer;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.OrderReference;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnRecords;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's estimate, worked by hand against {@code processes/return-policy.dmn} (parsed by the DMN engine
 * alone) and {@link RefundCalculator}: which rule the return meets, the fee it sets, the shipping it refunds.
 */
class RefundEstimatorTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static RefundEstimator estimator;

  @BeforeAll
  static void policyTable() throws Exception {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision decision;
    try (InputStream dmn = RefundEstimatorTest.class.getClassLoader()
        .getResourceAsStream("processes/return-policy.dmn")) {
      decision = engine.parseDecision("return-policy", dmn);
    }
    estimator = new RefundEstimator(inputs -> {
      DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.fromMap(inputs));
      return result.isEmpty() ? null : result.getSingleResult().getEntryMap();
    });
  }

  @Test
  void aReturnWithinPolicyRefundsPriceAndTaxWithoutFeeOrShipping() {
    ReturnRecord draft = draft(Resolution.REFUND, 10, 490, 12_973,
        line(1, ItemCategory.APPAREL, 1, 1, 5_990, 1_138, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW));

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    assertThat(estimate.decision()).isEqualTo("AUTO_APPROVE");
    assertThat(estimate.items()).isEqualTo(5_990);
    assertThat(estimate.tax()).isEqualTo(1_138);
    assertThat(estimate.restockingFee()).isZero();
    assertThat(estimate.shipping()).isZero();
    assertThat(estimate.total()).isEqualTo(7_128);
    assertThat(estimate.lines()).containsExactly(new RefundEstimator.Line(1, "Item 1", 1, 5_990, 1_138));
  }

  @Test
  void openedElectronicsPayTheFifteenPercentRestockingFee() {
    ReturnRecord draft = draft(Resolution.REFUND, 12, 0, 33_165,
        line(1, ItemCategory.ELECTRONICS, 1, 1, 24_900, 4_731, ReturnReason.NO_LONGER_NEEDED, ItemCondition.OPENED));

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    assertThat(estimate.decision()).isEqualTo("AUTO_APPROVE");
    assertThat(estimate.restockingFee()).isEqualTo(3_735); // 15 % of 249.00
    assertThat(estimate.total()).isEqualTo(24_900 + 4_731 - 3_735);
  }

  @Test
  void aLowValueDefectIsKeptAndRefundedWithShippingAndNoFee() {
    // one of three cables at 9.90 each, tax 5.64 on the line: worth 11.78, under the policy's 25.00
    ReturnRecord draft = draft(Resolution.REFUND, 5, 490, 30_000,
        line(1, ItemCategory.ELECTRONICS, 3, 1, 990, 564, ReturnReason.DEFECTIVE, ItemCondition.DAMAGED));

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    assertThat(estimate.decision()).isEqualTo("AUTO_APPROVE");
    assertThat(estimate.items()).isEqualTo(990);
    assertThat(estimate.tax()).isEqualTo(188);
    assertThat(estimate.restockingFee()).isZero();
    assertThat(estimate.shipping()).isEqualTo(490);
    assertThat(estimate.total()).isEqualTo(1_668);
  }

  @Test
  void aLateUsedReturnGoesToReviewUnderTheLateRuleWhichSetsNoFee() {
    ReturnRecord draft = draft(Resolution.REFUND, 40, 490, 20_000,
        line(1, ItemCategory.APPAREL, 2, 2, 2_250, 855, ReturnReason.DOES_NOT_FIT, ItemCondition.USED));

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    // late return is the first REVIEW rule that matches: no fee there
    assertThat(estimate.decision()).isEqualTo("REVIEW");
    assertThat(estimate.total()).isEqualTo(4_500 + 855);
  }

  @Test
  void anExchangeRefundsNothingButShowsWhatTheItemsAreWorth() {
    ReturnRecord draft = draft(Resolution.EXCHANGE, 10, 490, 12_973,
        line(1, ItemCategory.APPAREL, 1, 1, 5_990, 1_138, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW));

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    assertThat(estimate.exchange()).isTrue();
    assertThat(estimate.items()).isEqualTo(5_990);
    assertThat(estimate.total()).isZero();
  }

  @Test
  void storeCreditAddsTheBonusOfTheReturnRoundedHalfUp() {
    ReturnRecord draft = ReturnRecords.withStoreCreditBonus(draft(Resolution.STORE_CREDIT, 10, 490, 12_973,
        line(1, ItemCategory.APPAREL, 1, 1, 5_990, 1_138, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW)), 10);

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    assertThat(estimate.total()).isEqualTo(7_128);
    assertThat(estimate.bonusPercent()).isEqualTo(10);
    assertThat(estimate.bonus()).isEqualTo(713); // 712.8
    assertThat(estimate.credit()).isEqualTo(7_841);
  }

  @Test
  void onlyStoreCreditHasABonus() {
    ReturnRecord draft = ReturnRecords.withStoreCreditBonus(draft(Resolution.REFUND, 10, 490, 12_973,
        line(1, ItemCategory.APPAREL, 1, 1, 5_990, 1_138, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW)), 10);

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    assertThat(estimate.bonus()).isZero();
    assertThat(estimate.credit()).isEqualTo(7_128);
  }

  @Test
  void theEstimateNeverExceedsWhatWasCaptured() {
    ReturnRecord draft = draft(Resolution.REFUND, 10, 0, 5_000,
        line(1, ItemCategory.APPAREL, 1, 1, 5_990, 1_138, ReturnReason.DOES_NOT_FIT, ItemCondition.NEW));

    RefundEstimator.Estimate estimate = estimator.estimate(draft, 0, TODAY);

    assertThat(estimate.total()).isEqualTo(5_000);
    assertThat(estimate.capped()).isTrue();
  }

  static ReturnRecord draft(Resolution resolution, int deliveredDaysAgo, long shipping, long captured,
      ReturnLine... lines) {
    OrderReference order = new OrderReference("O-1", TODAY.minusDays(deliveredDaysAgo + 3),
        TODAY.minusDays(deliveredDaysAgo), "EUR", captured, shipping, "pi_test", null, null);
    Customer customer = new Customer("C-1", "Jane Doe", "jane@example.com", null,
        new Address("Hauptstr. 1", null, "Berlin", null, "10115", "DE"));
    return ReturnRecord.requested("PREVIEW", resolution, order, customer, null, null, List.of(lines), "portal",
        Instant.parse("2026-12-01T08:00:00Z"));
  }

  static ReturnLine line(int lineNo, ItemCategory category, int ordered, int returned, long unitPrice, long tax,
      ReturnReason reason, ItemCondition condition) {
    return new ReturnLine(lineNo, "SKU-" + lineNo, "Item " + lineNo, category, ordered, returned, unitPrice, 0, tax,
        reason, null, condition, null, "L-" + lineNo, null);
  }
}
