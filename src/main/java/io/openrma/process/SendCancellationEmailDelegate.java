package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send cancellation email": confirms the cancellation, once. */
@Component
public class SendCancellationEmailDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final CustomerEmails emails;
  private final Effects effects;

  public SendCancellationEmailDelegate(ReturnService returns, CustomerEmails emails, Effects effects) {
    this.returns = returns;
    this.emails = emails;
    this.effects = effects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    effects.once(rmaNumber, ProcessIds.SEND_CANCELLATION_EMAIL, "EMAIL_SENT",
        () -> ExternalSystemException.call("Email", rmaNumber, "Send cancellation email",
            () -> emails.sendCancellation(record)),
        "Cancellation confirmed to the customer");
  }
}
