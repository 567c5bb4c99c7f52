package io.openrma.process;

import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Begins a {@link Step} for a delegate: loads the return of the execution's business key once. */
@Component
public class Steps {

  private final ReturnService returns;
  private final Effects effects;
  private final TransactionTemplate ownTransaction;

  Steps(ReturnService returns, Effects effects, PlatformTransactionManager transactions) {
    this.returns = returns;
    this.effects = effects;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Notes a failed attempt of the step on the timeline, in a transaction of its own (the step's rolls
   * back): {@code STEP_FAILED} "Refund payment failed, to be tried again: Stripe: ...". Once the
   * retries are used up the same failure is the incident in Cockpit.
   */
  void failed(Step step, ExternalSystemException failure) {
    ownTransaction.executeWithoutResult(status -> returns.note(step.rmaNumber(), step.actor(), "STEP_FAILED",
        step.name() + " failed, to be tried again or shown as an incident: " + failure.getMessage()));
  }

  public Step of(DelegateExecution execution) {
    return new Step(execution, returns.get(execution.getProcessBusinessKey()), returns, effects);
  }
}
