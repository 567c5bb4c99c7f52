package io.openrma.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps personal data out of the engine's history. Variables named {@code pii_*} (a customer's
 * address while customer service corrects it, the customer's name shown on a form) exist only while
 * a task needs them; this filter drops their history events, so Cockpit's history, history queries
 * and the history tables never hold them. Everything else is recorded as usual.
 */
@Component
public class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

  public static final String PREFIX = "pii_";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventHandler() == null) {
      configuration.setHistoryEventHandler(
          new Filtering(new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers())));
    }
  }

  static boolean isPersonal(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && variable.getVariableName() != null && variable.getVariableName().startsWith(PREFIX);
  }

  record Filtering(HistoryEventHandler delegate) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isPersonal(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      delegate.handleEvents(events.stream().filter(event -> !isPersonal(event)).toList());
    }
  }
}
