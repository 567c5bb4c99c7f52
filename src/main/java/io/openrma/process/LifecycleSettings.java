package io.openrma.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code openrma.lifecycle.*}, read by the lifecycle diagram as {@code ${lifecycleSettings.reminderAfter}}
 * and so on (hence a named bean). An analyst may replace an expression by a fixed value in the Modeler.
 */
@Component("lifecycleSettings")
@ConfigurationProperties("openrma.lifecycle")
public class LifecycleSettings {

  /**
   * How the engine retries a step that calls another system before it raises an incident (ISO 8601
   * repeating interval: {@code R3/PT5M} is three more tries, five minutes apart).
   */
  private String retryCycle = "R3/PT5M";
  /** Time after the label until the customer is reminded to ship (ISO 8601 duration). */
  private String reminderAfter = "P14D";
  /** Time after the label until a return that was never shipped expires. */
  private String expireAfter = "P30D";

  public String getRetryCycle() {
    return retryCycle;
  }

  public void setRetryCycle(String retryCycle) {
    this.retryCycle = retryCycle;
  }

  public String getReminderAfter() {
    return reminderAfter;
  }

  public void setReminderAfter(String reminderAfter) {
    this.reminderAfter = reminderAfter;
  }

  public String getExpireAfter() {
    return expireAfter;
  }

  public void setExpireAfter(String expireAfter) {
    this.expireAfter = expireAfter;
  }
}
