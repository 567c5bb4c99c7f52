/**
 * The daily returns report ({@code processes/daily-returns-report.bpmn}): every morning (a timer the
 * analysts can reschedule in the Modeler) yesterday's figures are computed from the returns tables by
 * {@link io.openrma.reporting.DailyReportCalculator} and sent by email (HTML with a CSV attachment) and
 * to the team chat.
 */
package io.openrma.reporting;
