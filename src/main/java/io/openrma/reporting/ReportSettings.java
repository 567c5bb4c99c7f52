package io.openrma.reporting;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.openrma.returns.ReturnStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code openrma.report.*}. A named bean because the report diagram reads {@code ${reportSettings.cron}}
 * and {@code ${reportSettings.retryCycle}}; an analyst may replace either by a fixed value in the Modeler.
 */
@Component("reportSettings")
@ConfigurationProperties("openrma.report")
public class ReportSettings {

  /**
   * When the report is sent (Camunda cron with seconds: {@code 0 0 7 * * ?} is 07:00 every day, in the
   * server's time zone). A changed value takes effect after the next report, or at once when the
   * diagram is deployed again.
   */
  private String cron = "0 0 7 * * ?";
  /** The time zone in which "yesterday" is a calendar day; the server's by default. */
  private ZoneId zone = ZoneId.systemDefault();
  /** Who gets the report by email; nobody by default (then only Slack gets it). */
  private List<String> recipients = new ArrayList<>();
  /** Whether the report is also posted to Slack (the team chat; simulated while no Slack webhook is configured). */
  private boolean slack = true;
  /** How many return reasons the report lists. */
  private int topReasons = 5;
  /** Retries of the report's steps before an incident (Camunda retry cycle). */
  private String retryCycle = "R3/PT10M";
  /**
   * How long a return may stay in a status before the report lists it as waiting too long; a status
   * without an entry (or with {@code 0s}) is not checked.
   */
  private Map<ReturnStatus, Duration> sla = defaultSla();

  private static Map<ReturnStatus, Duration> defaultSla() {
    Map<ReturnStatus, Duration> sla = new EnumMap<>(ReturnStatus.class);
    sla.put(ReturnStatus.REQUESTED, Duration.ofHours(1));
    sla.put(ReturnStatus.UNDER_REVIEW, Duration.ofDays(2));
    sla.put(ReturnStatus.APPROVED, Duration.ofDays(1));
    sla.put(ReturnStatus.LABEL_ISSUED, Duration.ofDays(14));
    sla.put(ReturnStatus.IN_TRANSIT, Duration.ofDays(10));
    sla.put(ReturnStatus.RECEIVED, Duration.ofDays(2));
    sla.put(ReturnStatus.INSPECTED, Duration.ofDays(1));
    sla.put(ReturnStatus.REFUND_PENDING, Duration.ofDays(7));
    sla.put(ReturnStatus.REFUND_FAILED, Duration.ofDays(2));
    sla.put(ReturnStatus.REFUNDED, Duration.ofDays(1));
    return sla;
  }

  /** The checked statuses with their limits (entries of zero or less removed). */
  public Map<ReturnStatus, Duration> activeSla() {
    Map<ReturnStatus, Duration> active = new EnumMap<>(ReturnStatus.class);
    sla.forEach((status, limit) -> {
      if (limit != null && !limit.isNegative() && !limit.isZero()) {
        active.put(status, limit);
      }
    });
    return active;
  }

  public String getCron() {
    return cron;
  }

  public void setCron(String cron) {
    this.cron = cron;
  }

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public List<String> getRecipients() {
    return recipients;
  }

  public void setRecipients(List<String> recipients) {
    this.recipients = recipients;
  }

  public boolean isSlack() {
    return slack;
  }

  public void setSlack(boolean slack) {
    this.slack = slack;
  }

  public int getTopReasons() {
    return topReasons;
  }

  public void setTopReasons(int topReasons) {
    this.topReasons = topReasons;
  }

  public String getRetryCycle() {
    return retryCycle;
  }

  public void setRetryCycle(String retryCycle) {
    this.retryCycle = retryCycle;
  }

  public Map<ReturnStatus, Duration> getSla() {
    return sla;
  }

  public void setSla(Map<ReturnStatus, Duration> sla) {
    this.sla = sla;
  }
}
