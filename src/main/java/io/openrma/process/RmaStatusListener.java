package io.openrma.process;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Sets the returns record's status when the process enters an element that carries an
 * {@code rma-status} property, in the engine's transaction: the record and the process
 * position commit together or not at all.
 */
@Component
public class RmaStatusListener {

  private final ReturnService returns;

  public RmaStatusListener(ReturnService returns) {
    this.returns = returns;
  }

  void apply(DelegateExecution execution, ReturnStatus status, String step) {
    String rmaNumber = execution.getProcessBusinessKey();
    if (rmaNumber == null) {
      return; // a diagram used without a return (e.g. a test deployment)
    }
    returns.applyStatus(rmaNumber, status, Actor.process(step));
  }
}
