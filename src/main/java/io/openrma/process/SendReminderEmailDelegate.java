package io.openrma.process;

import java.time.Duration;

import io.openrma.integrations.notifications.CustomerEmails;
import org.springframework.stereotype.Component;

/** "Send reminder email": the parcel has not been handed over yet; how long the label is still valid. */
@Component
public class SendReminderEmailDelegate extends StepDelegate {

  private final CustomerEmails emails;
  private final LifecycleSettings settings;

  SendReminderEmailDelegate(CustomerEmails emails, LifecycleSettings settings) {
    this.emails = emails;
    this.settings = settings;
  }

  @Override
  protected void run(Step step) {
    Duration remaining = Duration.parse(settings.getExpireAfter()).minus(Duration.parse(settings.getReminderAfter()));
    step.once("Email", "EMAIL_SENT", () -> emails.sendReminder(step.record(), remaining),
        "Reminder to ship emailed to the customer");
  }
}
