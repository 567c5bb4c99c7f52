package io.openrma.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the team in Slack when a step has used up its retries and became an incident, naming the
 * return and the step. The engine's own handler still creates the incident (composite incident
 * handlers); this one only adds the message, posted after the incident is committed.
 */
@Component
public class IncidentNotifications extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TeamNotifications> team;

  public IncidentNotifications(ObjectProvider<TeamNotifications> team) {
    this.team = team;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCompositeIncidentHandlersEnabled(true);
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new Notifier());
    configuration.setCustomIncidentHandlers(handlers);
  }

  /** The text of the message; no customer data, the exception messages of steps carry none. */
  static String text(String rmaNumber, String step, String message) {
    String reason = message == null
        ? "no message"
        : message.length() > 300 ? message.substring(0, 300) + "..." : message;
    return ":rotating_light: Incident: \"" + step + "\" failed for " + (rmaNumber == null
        ? "a process without return"
        : rmaNumber) + " after all retries: " + reason + " (Cockpit: fix the cause, then retry the job)";
  }

  private final class Notifier implements IncidentHandler {

    @Override
    public String getIncidentHandlerType() {
      return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      String rmaNumber = null;
      if (context.getExecutionId() != null) {
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
            .findExecutionById(context.getExecutionId());
        rmaNumber = execution == null ? null : execution.getProcessBusinessKey();
      }
      team.getObject().afterCommit(text(rmaNumber, stepName(context), message));
      return null; // the engine's default handler created the incident
    }

    private String stepName(IncidentContext context) {
      String activityId = context.getFailedActivityId() != null
          ? context.getFailedActivityId()
          : context.getActivityId();
      if (activityId == null || context.getProcessDefinitionId() == null) {
        return activityId == null ? "a step" : activityId;
      }
      ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(context.getProcessDefinitionId());
      ActivityImpl activity = definition == null ? null : definition.findActivity(activityId);
      String name = activity == null ? null : (String) activity.getProperty("name");
      return name == null || name.isBlank() ? activityId : name.replaceAll("\\s+", " ");
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      // nothing to say when it is resolved
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      // nor when it is deleted
    }
  }
}
