package io.openrma.integrations;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.integrations.helpdesk.SimulatedHelpdesk;
import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.integrations.notifications.EmailSender;
import io.openrma.integrations.notifications.MailSettings;
import io.openrma.integrations.notifications.SimulatedEmailSender;
import io.openrma.integrations.notifications.SimulatedTeamChat;
import io.openrma.integrations.notifications.SmtpEmailSender;
import io.openrma.integrations.notifications.TeamChat;
import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.SimulatedPaymentGateway;
import io.openrma.integrations.shipping.ReturnLabelProvider;
import io.openrma.integrations.shipping.SimulatedReturnLabelProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Chooses, per integration, the live adapter or the simulator, and says which in one log line each.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrationsConfig {

  private static final Logger log = LoggerFactory.getLogger(IntegrationsConfig.class);

  @Bean
  PaymentGateway paymentGateway() {
    log.warn("Integration Stripe: SIMULATED (no money moves)");
    return new SimulatedPaymentGateway();
  }

  @Bean
  ReturnLabelProvider returnLabelProvider() {
    log.warn("Integration ShipStation: SIMULATED (labels are not real)");
    return new SimulatedReturnLabelProvider();
  }

  @Bean
  Helpdesk helpdesk() {
    log.warn("Integration Zendesk: SIMULATED (tickets are not touched)");
    return new SimulatedHelpdesk();
  }

  @Bean
  TeamChat teamChat() {
    log.warn("Integration Slack: SIMULATED (messages only in the log)");
    return new SimulatedTeamChat();
  }

  @Bean
  EmailSender emailSender(ObjectProvider<JavaMailSenderImpl> mailSender, MailSettings settings) {
    JavaMailSenderImpl smtp = mailSender.getIfAvailable();
    if (settings.mode().isLive(smtp != null && smtp.getHost() != null)) {
      log.info("Integration email: LIVE over SMTP {}:{}", smtp.getHost(), smtp.getPort());
      return new SmtpEmailSender(smtp, settings);
    }
    log.warn("Integration email: SIMULATED (set spring.mail.host to send)");
    return new SimulatedEmailSender();
  }

  @Bean
  CustomerEmails customerEmails(EmailSender emailSender, MailSettings settings) {
    return new CustomerEmails(emailSender, settings);
  }
}
