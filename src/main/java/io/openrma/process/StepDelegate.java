package io.openrma.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The base of every service task's delegate: it begins the {@link Step} (the return loaded once, the
 * step's name and idempotency key from the model), so a delegate only reads its inputs, makes its call
 * and records the result. An attempt that fails at another system is noted on the return's timeline
 * before the engine retries it.
 */
public abstract class StepDelegate implements JavaDelegate {

  private Steps steps;

  @Autowired
  final void setSteps(Steps steps) {
    this.steps = steps;
  }

  @Override
  public final void execute(DelegateExecution execution) {
    Step step = steps.of(execution);
    try {
      run(step);
    } catch (ExternalSystemException failure) {
      steps.failed(step, failure); // the step's own transaction rolls back: the attempt stays on the timeline
      throw failure;
    }
  }

  protected abstract void run(Step step);
}
