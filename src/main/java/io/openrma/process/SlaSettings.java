package io.openrma.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code openrma.sla.*}: how long each user task may take, counted from its creation. The task's due
 * date in Tasklist is its creation plus this ({@link TaskContextListener}); people see what is late
 * first. Calendar time, not business days: a task created on Friday with {@code P1D} is due on Saturday.
 */
@Component
@ConfigurationProperties("openrma.sla")
public class SlaSettings {

  /** "Review return request" (customer service). */
  private Duration reviewReturn = Duration.ofDays(1);
  /** "Fix return address" (customer service). */
  private Duration fixAddress = Duration.ofDays(1);
  /** "Inspect returned items" (warehouse), from the parcel's arrival scan. */
  private Duration inspection = Duration.ofDays(2);
  /** "Arrange exchange" (customer service). */
  private Duration exchange = Duration.ofDays(2);
  /** "Resolve refund problem" (finance). */
  private Duration refundProblem = Duration.ofDays(1);

  /** The time allowed for the user task {@code taskDefinitionKey} of {@code rma-lifecycle}; null: no due date. */
  public Duration forTask(String taskDefinitionKey) {
    return switch (taskDefinitionKey) {
      case ProcessIds.TASK_REVIEW_RETURN -> reviewReturn;
      case ProcessIds.TASK_FIX_ADDRESS -> fixAddress;
      case ProcessIds.TASK_INSPECT -> inspection;
      case ProcessIds.TASK_ARRANGE_EXCHANGE -> exchange;
      case ProcessIds.TASK_RESOLVE_REFUND_PROBLEM -> refundProblem;
      default -> null; // a task an analyst added: no SLA until someone sets one here
    };
  }

  public Duration getReviewReturn() {
    return reviewReturn;
  }

  public void setReviewReturn(Duration reviewReturn) {
    this.reviewReturn = reviewReturn;
  }

  public Duration getFixAddress() {
    return fixAddress;
  }

  public void setFixAddress(Duration fixAddress) {
    this.fixAddress = fixAddress;
  }

  public Duration getInspection() {
    return inspection;
  }

  public void setInspection(Duration inspection) {
    this.inspection = inspection;
  }

  public Duration getExchange() {
    return exchange;
  }

  public void setExchange(Duration exchange) {
    this.exchange = exchange;
  }

  public Duration getRefundProblem() {
    return refundProblem;
  }

  public void setRefundProblem(Duration refundProblem) {
    this.refundProblem = refundProblem;
  }
}
