package io.openrma.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Compute yesterday's figures": the day before today in the report's time zone (or the day given in
 * {@code reportDate} when an admin starts the report by hand), stored as the JSON variable
 * {@code dailyReport} for the steps that send it.
 */
@Component
public class ComputeDailyReportDelegate implements JavaDelegate {

  private final DailyReportCalculator calculator;
  private final ReportSettings settings;
  private final Clock clock;
  private final ObjectMapper json;

  public ComputeDailyReportDelegate(DailyReportCalculator calculator, ReportSettings settings, Clock clock,
      ObjectMapper json) {
    this.calculator = calculator;
    this.settings = settings;
    this.clock = clock;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    LocalDate day = day(execution.getVariable(DailyReportProcess.VAR_REPORT_DATE));
    DailyReport report = calculator.compute(day, settings.getZone(), clock.instant(), settings.activeSla(),
        settings.getTopReasons());
    execution.setVariable(DailyReportProcess.VAR_REPORT_DATE, day.toString());
    execution.setVariable(DailyReportProcess.VAR_DAILY_REPORT,
        SpinValues.jsonValue(json.writeValueAsString(report)).create());
  }

  private LocalDate day(Object given) {
    if (given == null || given.toString().isBlank()) {
      return LocalDate.now(clock.withZone(settings.getZone())).minusDays(1);
    }
    try {
      return LocalDate.parse(given.toString().trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("reportDate '" + given + "' is not a date like 2026-11-04");
    }
  }
}
