package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/** "Send rejection email": why the return was rejected (the reviewer's comment, else the policy's note), once. */
@Component
public class SendRejectionEmailDelegate extends StepDelegate {

  private final CustomerEmails emails;

  SendRejectionEmailDelegate(CustomerEmails emails) {
    this.emails = emails;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    Object reviewComment = step.variable(ProcessIds.VAR_REVIEW_COMMENT);
    String reason = "REJECT".equals(step.variable(ProcessIds.VAR_REVIEW_DECISION)) && reviewComment != null
        ? reviewComment.toString()
        : record.policy() == null ? null : record.policy().note();
    step.once("Email", "EMAIL_SENT", () -> emails.sendRejection(record, reason), "Rejection emailed to the customer");
  }
}
