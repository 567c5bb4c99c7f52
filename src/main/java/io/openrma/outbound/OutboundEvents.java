package io.openrma.outbound;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.returns.ReturnStatusChanged;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns every status change into one delivery per interested subscriber, in the status change's own
 * transaction: the delivery log row and its delivery process (waiting at its first job) commit
 * together with the new status, or not at all. With no subscriber configured this returns at once.
 */
@Component
public class OutboundEvents {

  private final OutboundSettings settings;
  private final OutboundDeliveries deliveries;
  private final RuntimeService runtimeService;
  private final ObjectMapper json;

  public OutboundEvents(OutboundSettings settings, OutboundDeliveries deliveries, RuntimeService runtimeService,
      ObjectMapper json) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.runtimeService = runtimeService;
    this.json = json;
  }

  @EventListener
  public void on(ReturnStatusChanged change) {
    if (!settings.hasSubscribers()) {
      return;
    }
    OutboundEvent event = OutboundEvent.of(change);
    String body = body(event);
    for (OutboundSettings.Subscriber subscriber : settings.getSubscribers()) {
      if (!subscriber.wants(change.to())) {
        continue;
      }
      Optional<Long> deliveryId = deliveries.add(event.id(), subscriber.getName(), change.rmaNumber(),
          change.to().name(), body, change.at());
      deliveryId.ifPresent(id -> asOpenRma(() -> runtimeService.createProcessInstanceByKey(OutboundDeliveryProcess.KEY)
          .businessKey(change.rmaNumber())
          .setVariable(OutboundDeliveryProcess.VAR_DELIVERY_ID, id)
          .setVariable(OutboundDeliveryProcess.VAR_SUBSCRIBER, subscriber.getName())
          .setVariable(OutboundDeliveryProcess.VAR_EVENT_ID, event.id())
          .setVariable(OutboundDeliveryProcess.VAR_RETURN_STATUS, change.to().name())
          .execute()));
    }
  }

  /**
   * The delivery is OpenRMA's own work, not the user's: a warehouse user completing the inspection in
   * Tasklist may not start processes, yet the status change it causes must reach the partners. Inside the
   * engine command of that user, the start runs without the user's authorization checks.
   */
  private static void asOpenRma(Runnable start) {
    CommandContext command = Context.getCommandContext();
    boolean checking = command != null && command.isAuthorizationCheckEnabled();
    if (checking) {
      command.disableAuthorizationCheck();
    }
    try {
      start.run();
    } finally {
      if (checking) {
        command.enableAuthorizationCheck();
      }
    }
  }

  private String body(OutboundEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write event " + event.id(), e);
    }
  }
}
