package io.openrma.process;

import java.time.Duration;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send return email": the label PDF and instructions, sent once. */
@Component
public class SendReturnEmailDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final CustomerEmails emails;
  private final Effects effects;
  private final LifecycleSettings settings;

  public SendReturnEmailDelegate(ReturnService returns, CustomerEmails emails, Effects effects,
      LifecycleSettings settings) {
    this.returns = returns;
    this.emails = emails;
    this.effects = effects;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rmaNumber = execution.getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    byte[] pdf = returns.labelPdf(record);
    effects.once(rmaNumber, ProcessIds.SEND_RETURN_EMAIL, "EMAIL_SENT",
        () -> ExternalSystemException.call("Email", rmaNumber, "Send return email",
            () -> emails.sendReturnLabel(record, pdf, Duration.parse(settings.getExpireAfter()))),
        "Return label emailed to the customer");
  }
}
