package io.openrma.process;

import io.openrma.integrations.notifications.CustomerEmails;
import org.springframework.stereotype.Component;

/** "Send cancellation email": confirms the cancellation to the customer, once. */
@Component
public class SendCancellationEmailDelegate extends StepDelegate {

  private final CustomerEmails emails;

  SendCancellationEmailDelegate(CustomerEmails emails) {
    this.emails = emails;
  }

  @Override
  protected void run(Step step) {
    step.once("Email", "EMAIL_SENT", () -> emails.sendCancellation(step.record()),
        "Cancellation confirmed to the customer");
  }
}
