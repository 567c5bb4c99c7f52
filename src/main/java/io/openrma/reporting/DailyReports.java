package io.openrma.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Reads the report the first step stored, for the steps that send it. */
@Component
public class DailyReports {

  private final ObjectMapper json;

  public DailyReports(ObjectMapper json) {
    this.json = json;
  }

  public DailyReport of(DelegateExecution execution) {
    Object value = execution.getVariable(DailyReportProcess.VAR_DAILY_REPORT);
    if (value == null) {
      throw new IllegalStateException(
          "No " + DailyReportProcess.VAR_DAILY_REPORT + " variable: compute the report first");
    }
    try {
      return json.readValue(value.toString(), DailyReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored report cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
