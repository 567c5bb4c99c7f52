package io.openrma.process;

import java.time.Duration;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send reminder email": the customer has not shipped yet. */
@Component
public class SendReminderEmailDelegate implements JavaDelegate {

  private final ReturnService returns;
  private final CustomerEmails emails;
  private final Effects effects;
  private final LifecycleSettings settings;

  public SendReminderEmailDelegate(ReturnService returns, CustomerEmails emails, Effects effects,
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
    Duration remaining = Duration.parse(settings.getExpireAfter()).minus(Duration.parse(settings.getReminderAfter()));
    effects.once(rmaNumber, ProcessIds.SEND_REMINDER_EMAIL, "EMAIL_SENT",
        () -> ExternalSystemException.call("Email", rmaNumber, "Send reminder email",
            () -> emails.sendReminder(record, remaining)),
        "Reminder to ship emailed to the customer");
  }
}
