package io.openrma.process;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Resolve refund problem" completed: finance tries again (a new attempt, so a new idempotency key at
 * Stripe), records a refund made outside OpenRMA, or closes without refund.
 */
@Component
public class RefundProblemResolvedListener implements TaskListener {

  private final ReturnService returns;

  public RefundProblemResolvedListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    String rmaNumber = task.getExecution().getProcessBusinessKey();
    Actor actor = Actor.user(ReviewCompletedListener.actor(task));
    Object decision = task.getVariable(ProcessIds.VAR_REFUND_PROBLEM_DECISION);
    // the form asks for a message to the customer when closing without refund, else for a timeline note
    Object comment = task.getVariable(ProcessIds.VAR_REFUND_PROBLEM_COMMENT);
    if ((comment == null || comment.toString().isBlank()) && !"CLOSE_WITHOUT_REFUND".equals(String.valueOf(decision))) {
      comment = task.getVariable("refundProblemNote");
    }
    String note = comment == null || comment.toString().isBlank() ? "" : ": " + comment;
    switch (decision == null ? "" : decision.toString()) {
      case "RETRY" -> {
        if (returns.get(rmaNumber).refund().total() <= 0) {
          throw new TaskInputException("Nothing is left to refund on the payment: record a refund made outside "
              + "OpenRMA, or close without refund.");
        }
        returns.startNewRefundAttempt(rmaNumber, actor);
        returns.note(rmaNumber, actor, "REFUND_PROBLEM_RESOLVED", "Finance: try the refund again" + note);
      }
      case "REFUNDED_OUTSIDE" -> {
        Object refundId = task.getVariable("externalRefundId");
        if (refundId == null || !refundId.toString().trim().matches("(re|pyr)_[A-Za-z0-9_]+")) {
          throw new TaskInputException("Enter the id of the refund made in the Stripe dashboard (re_...).");
        }
        returns.settleRefund(rmaNumber, refundId.toString().trim(), "SUCCEEDED", null, actor);
        returns.note(rmaNumber, actor, "REFUND_PROBLEM_RESOLVED",
            "Finance: refunded outside OpenRMA as " + refundId + note);
      }
      case "CLOSE_WITHOUT_REFUND" -> {
        if (note.isEmpty()) {
          throw new TaskInputException("Say why the return closes without a refund: the customer is told.");
        }
        returns.note(rmaNumber, actor, "REFUND_PROBLEM_RESOLVED", "Finance: close without refund" + note);
      }
      default -> throw new TaskInputException("Choose how to resolve the refund problem.");
    }
  }
}
