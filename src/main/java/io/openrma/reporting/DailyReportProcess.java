package io.openrma.reporting;

/** Ids shared with {@code processes/daily-returns-report.bpmn}. */
public final class DailyReportProcess {

  private DailyReportProcess() {
  }

  public static final String KEY = "daily-returns-report";
  public static final String REPORT_DUE = "ReportDue";
  public static final String COMPUTE = "ComputeDailyReport";
  public static final String EMAIL = "EmailDailyReport";
  public static final String POST_TO_SLACK = "PostDailyReportToSlack";

  /** Optional input ({@code yyyy-MM-dd}) to report on another day than yesterday, e.g. when started by hand. */
  public static final String VAR_REPORT_DATE = "reportDate";
  /** The computed figures (JSON). */
  public static final String VAR_DAILY_REPORT = "dailyReport";
}
