package io.openrma.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.openrma.returns.ReturnStatus;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads the analyst's {@code rma-status} extension properties when a diagram is deployed and attaches
 * one {@link RmaStatusListener} per element that has one, so the returns record's status changes in
 * the transaction in which the process enters that element. A value that is not a
 * {@link ReturnStatus} fails the deployment with a message naming the element. The listeners are
 * built-in, so they also run when an admin modifies an instance in Cockpit with "skip custom listeners".
 *
 * <p>Every version of {@code rma-lifecycle} gets the {@link LifecycleStartGuard} as a built-in start
 * listener, so no deployment and no "skip custom listeners" leaves it out.
 *
 * <p>It also makes a job retried from Cockpit due at once ({@link RetriedJobsRunAtOnce}), and every message
 * wait (receive task, message catch event) hand over events that
 * arrived early and wait in the inbox ({@link MessageInbox}).
 */
@Component
public class LifecyclePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<RmaStatusListener> statusListener;
  private final ObjectProvider<MessageInbox> inbox;
  private final ObjectProvider<LifecycleStartGuard> startGuard;

  public LifecyclePlugin(ObjectProvider<RmaStatusListener> statusListener, ObjectProvider<MessageInbox> inbox,
      ObjectProvider<LifecycleStartGuard> startGuard) {
    this.statusListener = statusListener;
    this.inbox = inbox;
    this.startGuard = startGuard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new ParseListener());
    // beside Camunda's own failed-job handler, which keeps creating and resolving the incidents
    configuration.setCompositeIncidentHandlersEnabled(true);
    List<IncidentHandler> incidentHandlers = new ArrayList<>();
    if (configuration.getCustomIncidentHandlers() != null) {
      incidentHandlers.addAll(configuration.getCustomIncidentHandlers());
    }
    incidentHandlers.add(new RetriedJobsRunAtOnce());
    configuration.setCustomIncidentHandlers(incidentHandlers);
  }

  /**
   * "Retry" in Cockpit (more retries for a job whose retries ran out) runs the step at once. Camunda
   * keeps the due date of the last failure (failure + the retry interval) unless the caller sets one,
   * which Cockpit does not, so the return would sit for minutes looking stuck with no incident. The
   * failed-job incident is resolved exactly when the retries go from 0 to more: then the job is due now.
   * A due date the caller sets explicitly is applied after this and wins.
   */
  static final class RetriedJobsRunAtOnce implements IncidentHandler {

    @Override
    public String getIncidentHandlerType() {
      return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      return null; // Camunda's handler creates the incident
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      String jobId = context.getConfiguration();
      JobEntity job = jobId == null ? null : Context.getCommandContext().getJobManager().findJobById(jobId);
      if (job != null) { // the new retries are set right after this
        job.setDuedate(ClockUtil.getCurrentTime());
      }
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      // nothing to undo
    }
  }

  private final class ParseListener extends AbstractBpmnParseListener implements BpmnParseListener {

    private void status(Element element, ActivityImpl activity) {
      Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
      if (properties == null || !properties.containsKey(ProcessIds.RMA_STATUS_PROPERTY)) {
        return;
      }
      String value = properties.get(ProcessIds.RMA_STATUS_PROPERTY);
      ReturnStatus status;
      try {
        status = ReturnStatus.valueOf(value == null ? "" : value.trim());
      } catch (IllegalArgumentException e) {
        throw new BpmnParseException("Element '" + activity.getId() + "' has rma-status '" + value
            + "', which is not a return status. Use one of " + Arrays.toString(ReturnStatus.values()), element);
      }
      String name = element.attribute("name");
      String step = name == null || name.isBlank() ? activity.getId() : name.replaceAll("\\s+", " ");
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> statusListener.getObject().apply(execution, status, step));
    }

    private void messageWait(ActivityImpl activity) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> inbox.getObject().deliverAfterCommit(execution.getProcessBusinessKey()));
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      if (ProcessIds.RMA_LIFECYCLE.equals(processDefinition.getKey())) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) execution -> startGuard.getObject().check(execution));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
      if (element.element("messageEventDefinition") != null) {
        messageWait(activity);
      }
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
      messageWait(activity);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      status(element, activity);
    }
  }
}
