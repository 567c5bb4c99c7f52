package io.openrma.process;

import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Begins a {@link Step} for a delegate: loads the return of the execution's business key once. */
@Component
public class Steps {

  private final ReturnService returns;
  private final Effects effects;

  Steps(ReturnService returns, Effects effects) {
    this.returns = returns;
    this.effects = effects;
  }

  public Step of(DelegateExecution execution) {
    return new Step(execution, returns.get(execution.getProcessBusinessKey()), returns, effects);
  }
}
