package io.openrma.process;

import java.time.Duration;

import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/** "Send return email": the label PDF and instructions, sent once. */
@Component
public class SendReturnEmailDelegate extends StepDelegate {

  private final ReturnService returns;
  private final CustomerEmails emails;
  private final LifecycleSettings settings;

  SendReturnEmailDelegate(ReturnService returns, CustomerEmails emails, LifecycleSettings settings) {
    this.returns = returns;
    this.emails = emails;
    this.settings = settings;
  }

  @Override
  protected void run(Step step) {
    byte[] pdf = returns.labelPdf(step.record());
    step.once("Email", "EMAIL_SENT",
        () -> emails.sendReturnLabel(step.record(), pdf, Duration.parse(settings.getExpireAfter())),
        "Return label emailed to the customer");
  }
}
