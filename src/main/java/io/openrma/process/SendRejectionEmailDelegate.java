package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send rejection email": the reviewer's reason, or the policy's when the policy rejected. */
@Component
public class SendRejectionEmailDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final CustomerEmails emails;
  private final Effects effects;

  public SendRejectionEmailDelegate(ReturnService returns, CustomerEmails emails, Effects effects) {
    this.returns = returns;
    this.emails = emails;
    this.effects = effects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    Object reviewComment = execution.getVariable(ProcessIds.VAR_REVIEW_COMMENT);
    String reason = "REJECT".equals(execution.getVariable(ProcessIds.VAR_REVIEW_DECISION)) && reviewComment != null
        ? reviewComment.toString()
        : record.policy() == null ? null : record.policy().note();
    effects.once(rmaNumber, ProcessIds.SEND_REJECTION_EMAIL, "EMAIL_SENT",
        () -> ExternalSystemException.call("Email", rmaNumber, "Send rejection email",
            () -> emails.sendRejection(record, reason)),
        "Rejection emailed to the customer");
  }
}
