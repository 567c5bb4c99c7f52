package io.openrma.reporting;

import io.openrma.integrations.notifications.TeamChat;
import io.openrma.process.ExternalSystemException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Post the report to Slack": the figures in one message, unless {@code openrma.report.slack} is off. */
@Component
public class PostDailyReportToSlackDelegate implements JavaDelegate {

  private final DailyReports reports;
  private final DailyReportMessages messages;
  private final TeamChat chat;
  private final ReportSettings settings;

  public PostDailyReportToSlackDelegate(DailyReports reports, DailyReportMessages messages, TeamChat chat,
      ReportSettings settings) {
    this.reports = reports;
    this.messages = messages;
    this.chat = chat;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!settings.isSlack()) {
      return;
    }
    DailyReport report = reports.of(execution);
    ExternalSystemException.run("Slack", "the report of " + report.day(), "Post the report to Slack",
        () -> chat.post(messages.slack(report)));
  }
}
