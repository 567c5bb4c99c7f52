package io.openrma.process;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Arrange exchange" completed: notes the replacement order on the timeline. */
@Component
public class ExchangeArrangedListener implements TaskListener {

  private final ReturnService returns;

  public ExchangeArrangedListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    Object order = task.getVariable("exchangeOrderId");
    if (order == null || order.toString().isBlank()) {
      throw new TaskInputException("Enter the order number of the replacement.");
    }
    returns.note(task.getExecution().getProcessBusinessKey(), Actor.user(ReviewCompletedListener.actor(task)),
        "EXCHANGE_ARRANGED", "Replacement sent as order " + order);
  }
}
