package io.openrma.process;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Review return request" completed: checks the decision and writes it to the timeline. */
@Component
public class ReviewCompletedListener implements TaskListener {

  private final ReturnService returns;

  public ReviewCompletedListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ProcessIds.VAR_REVIEW_DECISION);
    Object comment = task.getVariable(ProcessIds.VAR_REVIEW_COMMENT);
    if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
      throw new TaskInputException("Choose 'Approve the return' or 'Reject the return'.");
    }
    if ("REJECT".equals(decision) && (comment == null || comment.toString().isBlank())) {
      throw new TaskInputException("Give the reason for the rejection: the customer receives it by email.");
    }
    returns.note(task.getExecution().getProcessBusinessKey(), Actor.user(actor(task)), "REVIEWED",
        decision + (comment == null || comment.toString().isBlank() ? "" : ": " + comment));
  }

  static String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    String current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    return current == null ? "unknown" : current;
  }
}
