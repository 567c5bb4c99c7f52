package io.openrma.process;

import java.util.function.Supplier;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One run of a service task for one return, as every delegate sees it: the return loaded once, the
 * step's name as the diagram has it (for the timeline and incident messages, so a rename in the
 * Modeler needs no Java change), and the idempotency key {@code RMA-001234:RefundPayment:1} under
 * which each external effect is made at most once.
 */
public final class Step {

  private final DelegateExecution execution;
  private final ReturnRecord record;
  private final ReturnService returns;
  private final Effects effects;

  Step(DelegateExecution execution, ReturnRecord record, ReturnService returns, Effects effects) {
    this.execution = execution;
    this.record = record;
    this.returns = returns;
    this.effects = effects;
  }

  public ReturnRecord record() {
    return record;
  }

  public String rmaNumber() {
    return record.rmaNumber();
  }

  /** The task's name in the diagram, e.g. "Refund payment". */
  public String name() {
    String name = execution.getCurrentActivityName();
    return name == null || name.isBlank() ? execution.getCurrentActivityId() : name;
  }

  public Actor actor() {
    return Actor.process(name());
  }

  /** The idempotency key of this step's effect: {@code businessKey:activityId:attempt}. */
  public String key(int attempt) {
    return key(String.valueOf(attempt));
  }

  /**
   * The key of an effect made once per occasion rather than per attempt, e.g. one email per outcome:
   * {@code RMA-001234:NotifyCustomer:REFUNDED-re_123}.
   */
  public String key(String occasion) {
    return record.rmaNumber() + ":" + execution.getCurrentActivityId() + ":" + occasion;
  }

  /** The key of the step's first (usually only) attempt. */
  public String key() {
    return key(1);
  }

  public Object variable(String name) {
    return execution.getVariable(name);
  }

  public void setVariable(String name, Object value) {
    execution.setVariable(name, value);
  }

  /** One call to {@code system}; a technical failure becomes an incident-ready message naming system, step and return. */
  public <T> T call(String system, Supplier<T> call) {
    return ExternalSystemException.call(system, record.rmaNumber(), name(), call);
  }

  /** Whether an earlier run of this step already made the effect of {@code attempt} (it is logged under its key). */
  public boolean done(int attempt) {
    return effects.find(key(attempt)).isPresent();
  }

  /** What an earlier run of this step recorded of the effect of {@code attempt}, if it made it. */
  public java.util.Optional<String> effect(int attempt) {
    return effects.find(key(attempt));
  }

  /** Whether this step already made an effect for the return, of any attempt or occasion. */
  public boolean doneBefore() {
    return effects.anyStartingWith(record.rmaNumber(), key(""));
  }

  /**
   * Logs the effect of {@code attempt} under its key, together with {@code keep} (what the step records of the
   * answer), in one transaction of its own: both or neither are there, and a retry sees them.
   */
  public void made(int attempt, String kind, String reference, Runnable keep) {
    effects.record(key(attempt), record.rmaNumber(), kind, reference, keep);
  }

  /**
   * Calls {@code system} unless an earlier run of this step already did, logs the effect, and writes the
   * timeline entry {@code kind: timelineDetail} with the step.
   */
  public void once(String system, String kind, Supplier<String> call, String timelineDetail) {
    once(system, kind, "1", call, timelineDetail);
  }

  /** {@link #once(String, String, Supplier, String)} for one {@code occasion} of the step (see {@link #key(String)}). */
  public void once(String system, String kind, String occasion, Supplier<String> call, String timelineDetail) {
    String key = key(occasion);
    if (effects.find(key).isEmpty()) {
      effects.record(key, record.rmaNumber(), kind, call(system, call), () -> {
      });
    }
    note(kind, timelineDetail);
  }

  /**
   * {@link #once(String, String, Supplier, String)} whose timeline entry depends on what the call returned (or an
   * earlier run recorded): {@code timelineDetail} gets that reference, {@code ""} when the call returned none, and
   * the entry's event is then {@code kind + "_SKIPPED"} (e.g. no ticket was found).
   */
  public void once(String system, String kind, Supplier<String> call,
      java.util.function.Function<String, String> timelineDetail) {
    String key = key(1);
    String reference = effects.find(key).orElse(null);
    if (reference == null) {
      String made = call(system, call);
      reference = made == null ? "" : made;
      effects.record(key, record.rmaNumber(), kind, reference, () -> {
      });
    }
    note(reference.isEmpty() ? kind + "_SKIPPED" : kind, timelineDetail.apply(reference));
  }

  /** A timeline entry by this step. */
  public void note(String event, String detail) {
    returns.note(record.rmaNumber(), actor(), event, detail);
  }
}
