package io.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.openrma.process.ParsedFeelCache.CachingFeelEngine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row of {@code processes/return-policy.dmn}, hit on purpose, and its neighbours that must not hit
 * it. If an analyst changes the table in the Modeler, this test says which promise changed.
 */
class ReturnPolicyTableTest {

  static DmnEngine engine;
  static DmnDecision decision;
  static final List<String> matched = new ArrayList<>();
  static final java.util.Set<String> hit = new java.util.HashSet<>();

  @BeforeAll
  static void parse() throws Exception {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        matched.clear();
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
      }
    }));
    // the FEEL engine the application runs with (io.openrma.process.ParsedFeelCache)
    configuration.setFeelEngineFactory(() -> new CachingFeelEngine(List.of()));
    engine = configuration.buildEngine();
    try (InputStream dmn = ReturnPolicyTableTest.class.getClassLoader()
        .getResourceAsStream("processes/return-policy.dmn")) {
      decision = engine.parseDecision("return-policy", dmn);
    }
  }

  @ParameterizedTest(name = "{7}: {0} days, {1}, {2}, {3}, {4}, {5} earlier -> {6}")
  @CsvSource({
      // days, reason,            category,     value, condition, prior, decision,     rule
      "10, NO_LONGER_NEEDED,    FINAL_SALE,   3000,  NEW,      0,     REJECT,       FinalSale",
      "10, DEFECTIVE,           FINAL_SALE,   3000,  NEW,      0,     AUTO_APPROVE, MerchantFault",
      "10, NO_LONGER_NEEDED,    HYGIENE,      3000,  OPENED,   0,     REJECT,       OpenedHygiene",
      "10, NO_LONGER_NEEDED,    HYGIENE,      3000,  NEW,      0,     AUTO_APPROVE, WithinPolicy",
      "61, DOES_NOT_FIT,        APPAREL,      3000,  NEW,      0,     REJECT,       WindowPassed",
      "61, DEFECTIVE,           APPAREL,      3000,  NEW,      0,     REJECT,       WindowPassed",
      "10, DEFECTIVE,           ELECTRONICS,  2499,  OPENED,   0,     AUTO_APPROVE, MerchantFaultLowValue",
      "10, WRONG_ITEM,          APPAREL,      2500,  NEW,      0,     AUTO_APPROVE, MerchantFault",
      "10, DAMAGED_IN_SHIPPING, GENERAL,      90000, DAMAGED,  9,     AUTO_APPROVE, MerchantFault",
      "10, DOES_NOT_FIT,        APPAREL,      3000,  NEW,      5,     REVIEW,       FrequentReturner",
      "10, DOES_NOT_FIT,        APPAREL,      3000,  NEW,      4,     AUTO_APPROVE, WithinPolicy",
      "31, DOES_NOT_FIT,        APPAREL,      3000,  NEW,      0,     REVIEW,       LateReturn",
      "30, DOES_NOT_FIT,        APPAREL,      3000,  NEW,      0,     AUTO_APPROVE, WithinPolicy",
      "10, NOT_AS_DESCRIBED,    GENERAL,      50000, NEW,      0,     REVIEW,       HighValue",
      "10, NOT_AS_DESCRIBED,    GENERAL,      49999, NEW,      0,     AUTO_APPROVE, WithinPolicy",
      "10, NO_LONGER_NEEDED,    GENERAL,      3000,  USED,     0,     REVIEW,       UsedOrDamaged",
      "10, NO_LONGER_NEEDED,    GENERAL,      3000,  DAMAGED,  0,     REVIEW,       UsedOrDamaged",
      "10, NO_LONGER_NEEDED,    ELECTRONICS,  3000,  OPENED,   0,     AUTO_APPROVE, OpenedElectronics",
      "10, NO_LONGER_NEEDED,    APPAREL,      3000,  OPENED,   0,     AUTO_APPROVE, WithinPolicy",
      "0,  ARRIVED_TOO_LATE,    GENERAL,      0,     NEW,      0,     AUTO_APPROVE, WithinPolicy",
  })
  void eachRuleDecidesWhatItPromises(int days, String reason, String category, long value, String condition, int prior,
      String expectedDecision, String expectedRule) {
    DmnDecisionResultEntries result = evaluate(days, reason, category, value, condition, prior);
    assertThat(matched).containsExactly("Rule_" + expectedRule);
    hit.add("Rule_" + expectedRule);
    assertThat((String) result.getEntry("decision")).isEqualTo(expectedDecision);
  }

  @Test
  void outputsOfTheRulesWithConsequences() {
    DmnDecisionResultEntries keep = evaluate(5, "DEFECTIVE", "ELECTRONICS", 1_000, "OPENED", 0);
    assertThat((Boolean) keep.getEntry("keepItem")).isTrue();
    assertThat((Boolean) keep.getEntry("refundShipping")).isTrue();
    assertThat(((Number) keep.getEntry("restockingFeePercent")).intValue()).isZero();

    DmnDecisionResultEntries used = evaluate(5, "NO_LONGER_NEEDED", "GENERAL", 3_000, "USED", 0);
    assertThat(((Number) used.getEntry("restockingFeePercent")).intValue()).isEqualTo(15);
    assertThat((Boolean) used.getEntry("keepItem")).isFalse();

    DmnDecisionResultEntries electronics = evaluate(5, "DOES_NOT_FIT", "ELECTRONICS", 3_000, "OPENED", 0);
    assertThat(((Number) electronics.getEntry("restockingFeePercent")).intValue()).isEqualTo(15);
    assertThat((String) electronics.getEntry("note")).contains("15%");

    DmnDecisionResultEntries ordinary = evaluate(5, "DOES_NOT_FIT", "APPAREL", 3_000, "NEW", 0);
    assertThat((Boolean) ordinary.getEntry("refundShipping")).isFalse();
    assertThat((String) ordinary.getEntry("note")).isEqualTo("Within policy");
  }

  /** Keeps the cases honest: a row an analyst adds without a case here fails the build. */
  @AfterAll
  static void everyRuleWasHitOnPurpose() {
    List<String> rules = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
        .map(DmnDecisionTableRuleImpl::getId).toList();
    assertThat(hit).containsAll(rules);
  }

  private static DmnDecisionResultEntries evaluate(int days, String reason, String category, long value,
      String condition, int prior) {
    Map<String, Object> variables = Variables.createVariables()
        .putValue("daysSinceDelivery", days).putValue("returnReason", reason).putValue("itemCategory", category)
        .putValue("returnValue", value).putValue("reportedCondition", condition).putValue("priorReturns", prior);
    return engine.evaluateDecision(decision, variables).getSingleResult();
  }
}
