package io.openrma.process;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.policy.Money;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * When a user task is created, puts what its form shows into variables: what is only displayed (a
 * summary of the return) as task-local variables that end with the task; what the form edits (the
 * lines to inspect, the address to fix) on the execution, because a task completion writes submitted
 * values there (Tasklist's form submission writes to the task, which passes them on). Address fields
 * are named {@code pii_*}: history never records them
 * ({@link io.openrma.security.PersonalDataHistoryFilter}) and {@link AddressFixedListener} removes them.
 * Names the task after its return ({@link TaskCards}) and gives it its due date from {@link SlaSettings}.
 * Also tells the team in Slack that a return needs a person.
 */
@Component
public class TaskContextListener implements TaskListener {

  private final ReturnService returns;
  private final TeamNotifications team;
  private final ObjectMapper json;
  private final SlaSettings sla;
  private final Clock clock;

  public TaskContextListener(ReturnService returns, TeamNotifications team, ObjectMapper json, SlaSettings sla,
      Clock clock) {
    this.returns = returns;
    this.team = team;
    this.json = json;
    this.sla = sla;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String rmaNumber = task.getExecution().getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    String step = task.getName();
    task.setName(TaskCards.name(step, record));
    task.setDescription(TaskCards.description(record, task.getDescription()));
    Duration allowed = sla.forTask(task.getTaskDefinitionKey());
    if (allowed != null) {
      task.setDueDate(Date.from(clock.instant().plus(allowed)));
    }
    task.setVariableLocal("pii_customerName", record.customer().name());
    task.setVariableLocal("returnSummary", summary(record)
        + returns.policyDecision(record).map(d -> "\n\nDecided by " + d.describe()).orElse(""));
    switch (task.getTaskDefinitionKey()) {
      case ProcessIds.TASK_FIX_ADDRESS -> {
        var address = record.customer().address();
        var execution = task.getExecution();
        execution.setVariable("pii_line1", address.line1());
        execution.setVariable("pii_line2", address.line2() == null ? "" : address.line2());
        execution.setVariable("pii_city", address.city());
        execution.setVariable("pii_state", address.state() == null ? "" : address.state());
        execution.setVariable("pii_postalCode", address.postalCode());
        execution.setVariable("pii_country", address.country());
      }
      case ProcessIds.TASK_INSPECT -> task.getExecution().setVariable(ProcessIds.VAR_INSPECTION_LINES,
          SpinValues.jsonValue(inspectionLines(record)).create());
      case ProcessIds.TASK_RESOLVE_REFUND_PROBLEM -> task.setVariableLocal("refundSummary", refundSummary(record));
      default -> {
        // the summary is all the other forms need
      }
    }
    if (!ProcessIds.TASK_INSPECT.equals(task.getTaskDefinitionKey())) {
      team.afterCommit(":inbox_tray: " + step + ": " + rmaNumber + " (order " + record.order().orderId()
          + ") waits for " + task.getCandidates().stream().map(c -> c.getGroupId()).filter(g -> g != null).findFirst()
              .orElse("someone")
          + " in Tasklist");
    }
  }

  static String summary(ReturnRecord record) {
    StringBuilder text = new StringBuilder();
    text.append("**").append(record.rmaNumber()).append("**, order ").append(record.order().orderId())
        .append(" of ").append(record.order().orderDate()).append(", delivered ").append(record.order().deliveryDate())
        .append(", resolution: ").append(readable(record.resolution())).append("\n\n");
    for (ReturnLine line : record.lines()) {
      text.append("- ").append(line.quantityReturned()).append(" of ").append(line.quantityOrdered()).append(" x ")
          .append(line.description()).append(" (").append(line.sku()).append(", ").append(readable(line.category()))
          .append("): ").append(line.reason().label());
      if (line.reasonText() != null && !line.reasonText().isBlank()) {
        text.append(" \"").append(line.reasonText()).append('"');
      }
      text.append(", reported: ").append(line.reportedCondition().label()).append(", paid ")
          .append(Money.format(line.netAmount() + line.tax(), record.currency()));
      if (line.exchangeVariantId() != null) {
        text.append(", exchange for variant ").append(line.exchangeVariantId()); // as the customer chose it
      }
      text.append('\n');
    }
    if (record.policy() != null && record.policy().note() != null) {
      text.append("\nPolicy: ").append(readable(record.policy().decision())).append(" - ")
          .append(record.policy().note());
    }
    if (record.photosUrl() != null) {
      text.append("\n\n[Customer's photos](").append(record.photosUrl()).append(')');
    }
    return text.toString();
  }

  String inspectionLines(ReturnRecord record) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ReturnLine line : record.lines()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("lineNo", line.lineNo());
      item.put("sku", line.sku());
      item.put("description", line.description());
      item.put("quantityReturned", line.quantityReturned());
      item.put("quantityReceived", line.quantityReturned());
      item.put("reason", line.reason().label());
      item.put("condition", "");
      item.put("disposition", "");
      item.put("notes", "");
      lines.add(item);
    }
    try {
      return json.writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The refund that failed; Stripe's reason is not repeated here: the form shows it once, from refundProblem. */
  static String refundSummary(ReturnRecord record) {
    if (record.refund() == null) {
      return "No refund was calculated.";
    }
    String currency = record.currency();
    return "Refund of " + Money.format(record.refund().total(), currency) + " to payment "
        + record.order().paymentIntentId() + " (attempt " + record.refundAttempt() + ")"
        + (record.refund().refundId() == null ? "" : ", Stripe refund " + record.refund().refundId());
  }

  /** A constant without a label of its own, as a person reads it: {@code STORE_CREDIT} is "store credit". */
  static String readable(Object constant) {
    return constant.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
