package io.openrma.outbound;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openrma.process.ExternalSystemException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Deliver event to subscriber": posts the stored event (same body, same event id on every attempt)
 * and logs the attempt. A failure fails the job, which the engine retries on the configured schedule;
 * after the last retry the incident names the subscriber, the return and the answer it got.
 */
@Component
public class DeliverOutboundEventDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(DeliverOutboundEventDelegate.class);

  private final OutboundDeliveries deliveries;
  private final OutboundSettings settings;
  private final WebhookClient client;
  private final MeterRegistry meters;

  public DeliverOutboundEventDelegate(OutboundDeliveries deliveries, OutboundSettings settings, WebhookClient client,
      MeterRegistry meters) {
    this.deliveries = deliveries;
    this.settings = settings;
    this.client = client;
    this.meters = meters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(OutboundDeliveryProcess.VAR_DELIVERY_ID)).longValue();
    OutboundDelivery delivery = deliveries.find(id)
        .orElseThrow(() -> new IllegalStateException("Delivery " + id + " is not in the delivery log"));
    if (delivery.state() != OutboundDelivery.State.PENDING) {
      return; // delivered by an earlier attempt whose job did not get to finish
    }
    OutboundSettings.Subscriber subscriber = settings.subscriber(delivery.subscriber()).orElse(null);
    if (subscriber == null) {
      log.warn("Subscriber {} is no longer configured: event {} of {} is not delivered", delivery.subscriber(),
          delivery.eventId(), delivery.rmaNumber());
      deliveries.markAbandoned(id, "subscriber no longer configured");
      return;
    }
    WebhookClient.Outcome outcome = client.post(subscriber, delivery.eventId(), delivery.payload());
    deliveries.logAttempt(id, outcome.at(), outcome.httpStatus(), outcome.error(), outcome.durationMillis());
    count(subscriber.getName(), outcome.delivered() ? "delivered" : "failed");
    if (!outcome.delivered()) {
      throw new ExternalSystemException("Webhook " + subscriber.getName(), delivery.rmaNumber(),
          "Deliver " + delivery.status() + " event " + delivery.eventId(), new IOException(outcome.describe()));
    }
    deliveries.markDelivered(id, outcome.at());
  }

  private void count(String subscriber, String outcome) {
    Counter.builder("openrma.outbound.deliveries")
        .description("Attempts to deliver an outbound event, by subscriber and outcome")
        .tag("subscriber", subscriber).tag("outcome", outcome)
        .register(meters).increment();
  }
}
