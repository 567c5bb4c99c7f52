package io.openrma.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.openrma.integrations.notifications.EmailSender;
import io.openrma.process.ExternalSystemException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Email the report": one email per recipient ({@code openrma.report.recipients}), HTML and text with
 * the CSV attached. The Message-ID is fixed per day and recipient, so a retry after a partial failure
 * is recognisable as the same email.
 */
@Component
public class EmailDailyReportDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(EmailDailyReportDelegate.class);

  private final DailyReports reports;
  private final DailyReportMessages messages;
  private final EmailSender email;
  private final ReportSettings settings;

  public EmailDailyReportDelegate(DailyReports reports, DailyReportMessages messages, EmailSender email,
      ReportSettings settings) {
    this.reports = reports;
    this.messages = messages;
    this.email = email;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DailyReport report = reports.of(execution);
    if (settings.getRecipients().isEmpty()) {
      log.info("Daily report {}: no recipients configured (openrma.report.recipients), no email sent", report.day());
      return;
    }
    String subject = messages.subject(report);
    String html = messages.html(report);
    String text = messages.text(report);
    List<EmailSender.Attachment> csv = List.of(
        new EmailSender.Attachment(messages.csvFileName(report), "text/csv", messages.csv(report)));
    for (String recipient : settings.getRecipients()) {
      ExternalSystemException.run("Email (SMTP)", "the report of " + report.day(), "Email the report",
          () -> email.send(new EmailSender.Email(messageId(report, recipient), recipient.trim(), null, subject, html,
              text, csv)));
    }
  }

  static String messageId(DailyReport report, String recipient) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(recipient.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
      return "<daily-returns-report." + report.day() + "." + HexFormat.of().formatHex(digest, 0, 6) + "@openrma>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
