package io.openrma.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A draft of the return policy's decision table, replayed over the recorded inputs of past decisions: what it
 * would have decided for each, against what the live table did decide. The draft is evaluated by a DMN engine
 * of its own, standalone: nothing is deployed. Pure code, no Spring, no database.
 *
 * <p>Returns the table cannot tell apart ({@link InputClasses}) are decided once: the engine's FEEL evaluation
 * is slow, a policy tells apart few classes of returns.
 *
 * <p>Money is what the policy's outputs imply for the recorded returns, in minor units: the restocking fee's
 * percentage of the returned value ({@code returnValue}, price after discount plus tax), the shipping charged
 * when shipping is refunded, the returned value when the customer keeps the item. Estimates from the policy's
 * inputs: the lifecycle's refund still depends on inspection.
 */
public final class PolicySimulation {

  /** What the live table decided for one return, and the inputs it decided on. */
  public record Recorded(String rmaNumber, Map<String, Object> inputs, Outcome outcome, Integer ruleRow,
      long shippingPaid, String currency) {
  }

  /** A decision: {@code AUTO_APPROVE}, {@code REVIEW} or {@code REJECT}, and its terms. */
  public record Outcome(String decision, int restockingFeePercent, boolean keepItem, boolean refundShipping) {

    /** Auto-approve, review, reject, or keep item (an approval whose item stays with the customer). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String kind() {
      return keepItem && "AUTO_APPROVE".equals(decision) ? "KEEP_ITEM" : decision;
    }
  }

  /** One return whose outcome or terms the draft changes. */
  public record Change(String rmaNumber, Map<String, Object> inputs, Integer ruleThen, Integer ruleNow,
      String outcomeThen, String outcomeNow, long feeThen, long feeNow) {
  }

  /** A figure now and with the draft. */
  public record Compared(long current, long draft) {
    @com.fasterxml.jackson.annotation.JsonProperty
    public long difference() {
      return draft - current;
    }
  }

  /**
   * The answer: decisions per outcome kind, the changed returns, money and work now and with the draft, the
   * returns the draft cannot decide and the inputs it reads that no recorded decision has.
   */
  public record Result(int decisions, Map<String, Compared> outcomes, List<Change> changed,
      Map<String, Compared> money, double reviewsPerDayNow, double reviewsPerDayDraft, List<String> undecided,
      List<String> unknownInputs) {
  }

  /** The draft cannot be read as a decision table of the return policy. */
  public static class InvalidDraft extends RuntimeException {
    public InvalidDraft(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final List<String> KINDS = List.of("AUTO_APPROVE", "REVIEW", "REJECT", "KEEP_ITEM");

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final List<String> ruleIds;
  private final InputClasses classes;
  private final Set<String> inputsRead;
  /** The rule the last evaluation matched first (one simulation runs on one thread). */
  private String matchedRule;

  /** Reads the draft; {@code decisionKey} is the table's id, {@code return-policy}. */
  public PolicySimulation(byte[] draftXml, String decisionKey) {
    this(draftXml, decisionKey, true);
  }

  /** Without {@code classes} the engine decides every return itself (the test that classes change nothing). */
  PolicySimulation(byte[] draftXml, String decisionKey, boolean classes) {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
    listeners.add(event -> matchedRule = event.getMatchingRules().isEmpty()
        ? null
        : event.getMatchingRules().get(0).getId());
    configuration.setCustomPostDecisionTableEvaluationListeners(listeners);
    this.engine = configuration.buildEngine();
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(draftXml));
      this.decision = engine.parseDecision(decisionKey, model);
    } catch (RuntimeException e) {
      throw new InvalidDraft("the draft is not a decision table with the id '" + decisionKey + "': "
          + e.getMessage(), e);
    }
    Decision table = model.getModelElementById(decisionKey);
    DecisionTable rows = (DecisionTable) table.getExpression();
    this.ruleIds = rows.getRules().stream().map(Rule::getId).toList();
    this.classes = classes ? new InputClasses(rows) : null;
    this.inputsRead = new LinkedHashSet<>();
    for (Input input : rows.getInputs()) {
      if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
        inputsRead.add(input.getInputExpression().getText().getTextContent().strip());
      }
    }
  }

  /** Replays {@code recorded} over {@code days} days of decisions. */
  public Result run(List<Recorded> recorded, long days) {
    Map<String, long[]> outcomes = new LinkedHashMap<>();
    KINDS.forEach(kind -> outcomes.put(kind, new long[2]));
    long[] fees = new long[2];
    long[] shipping = new long[2];
    long[] writeOff = new long[2];
    List<Change> changed = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    Map<List<Object>, java.util.Optional<Evaluated>> decided = new java.util.HashMap<>();
    for (Recorded r : recorded) {
      known.addAll(r.inputs().keySet());
      List<Object> inputClass = classes == null ? null : classes.of(r.inputs());
      Evaluated draft = inputClass == null
          ? evaluate(r.inputs())
          : decided.computeIfAbsent(inputClass, c -> java.util.Optional.ofNullable(evaluate(r.inputs()))).orElse(null);
      if (draft == null) {
        undecided.add(r.rmaNumber());
      }
      // without a matching rule the lifecycle sends the return to a person, and so would the draft
      Outcome now = draft == null ? new Outcome("REVIEW", 0, false, false) : draft.outcome();
      Outcome then = r.outcome();
      outcomes.get(then.kind())[0]++;
      outcomes.get(now.kind())[1]++;
      long value = number(r.inputs().get("returnValue"));
      long feeThen = fee(then, value);
      long feeNow = fee(now, value);
      fees[0] += feeThen;
      fees[1] += feeNow;
      shipping[0] += then.refundShipping() ? r.shippingPaid() : 0;
      shipping[1] += now.refundShipping() ? r.shippingPaid() : 0;
      writeOff[0] += "KEEP_ITEM".equals(then.kind()) ? value : 0;
      writeOff[1] += "KEEP_ITEM".equals(now.kind()) ? value : 0;
      if (!then.equals(now)) {
        changed.add(new Change(r.rmaNumber(), r.inputs(), r.ruleRow(), draft == null ? null : draft.row(),
            then.kind(), now.kind(), feeThen, feeNow));
      }
    }
    Map<String, Compared> perOutcome = new LinkedHashMap<>();
    outcomes.forEach((kind, counts) -> perOutcome.put(kind, new Compared(counts[0], counts[1])));
    Map<String, Compared> money = new LinkedHashMap<>();
    money.put("restockingFees", new Compared(fees[0], fees[1]));
    money.put("refundedShipping", new Compared(shipping[0], shipping[1]));
    money.put("keepItemWriteOff", new Compared(writeOff[0], writeOff[1]));
    List<String> unknown = inputsRead.stream().filter(input -> !recorded.isEmpty() && !known.contains(input))
        .toList();
    double perDay = Math.max(1, days);
    return new Result(recorded.size(), perOutcome, changed, money, perOutcome.get("REVIEW").current() / perDay,
        perOutcome.get("REVIEW").draft() / perDay, undecided, unknown);
  }

  private record Evaluated(Outcome outcome, Integer row) {
  }

  private Evaluated evaluate(Map<String, Object> inputs) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, new LinkedHashMap<>(inputs));
    if (result.isEmpty()) {
      return null;
    }
    DmnDecisionRuleResult first = result.getFirstResult();
    Outcome outcome = new Outcome(Objects.toString(first.getEntry("decision"), "REVIEW"),
        (int) number(first.getEntry("restockingFeePercent")), Boolean.TRUE.equals(first.getEntry("keepItem")),
        Boolean.TRUE.equals(first.getEntry("refundShipping")));
    int index = ruleIds().indexOf(matchedRule);
    return new Evaluated(outcome, index < 0 ? null : index + 1);
  }

  private static long fee(Outcome outcome, long value) {
    return "REJECT".equals(outcome.decision()) || outcome.keepItem()
        ? 0
        : Math.round(value * outcome.restockingFeePercent() / 100.0);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  /** The draft's rules, in table order, for naming a row. */
  public List<String> ruleIds() {
    return ruleIds;
  }
}
