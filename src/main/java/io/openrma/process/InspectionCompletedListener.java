package io.openrma.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.returns.Actor;
import io.openrma.returns.Disposition;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnService.LineInspection;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * "Inspect returned items" completed: reads the graded lines of the form, checks every line is
 * graded with allowed values, and writes them to the returns record.
 */
@Component
public class InspectionCompletedListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReturnService returns;

  public InspectionCompletedListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    String rmaNumber = task.getExecution().getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    List<LineInspection> inspections = parse(task.getVariableTyped(ProcessIds.VAR_INSPECTION_LINES), record);
    returns.recordInspection(rmaNumber, inspections, Actor.user(ReviewCompletedListener.actor(task)));
  }

  static List<LineInspection> parse(TypedValue value, ReturnRecord record) {
    if (value == null || value.getValue() == null) {
      throw new TaskInputException("Grade every returned line before completing the inspection.");
    }
    JsonNode lines;
    try {
      lines = JSON.readTree(value.getValue().toString());
    } catch (Exception e) {
      throw new TaskInputException("The inspection could not be read; reload the task and grade the lines again.");
    }
    List<LineInspection> result = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<Integer> graded = new HashSet<>();
    for (JsonNode line : lines) {
      int lineNo = line.path("lineNo").asInt(-1);
      ReturnLine returned = record.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
      if (returned == null) {
        problems.add("line " + lineNo + " is not part of " + record.rmaNumber());
        continue;
      }
      String label = returned.sku();
      ItemCondition condition = parseEnum(ItemCondition.class, line.path("condition").asText(""));
      Disposition disposition = parseEnum(Disposition.class, line.path("disposition").asText(""));
      int received = line.path("quantityReceived").asInt(-1);
      if (condition == null) {
        problems.add(label + ": choose the condition");
      }
      if (disposition == null) {
        problems.add(label + ": choose what happens to the item");
      }
      if (received < 0 || received > returned.quantityReturned()) {
        problems.add(label + ": quantity received must be 0 to " + returned.quantityReturned());
      }
      if (condition == ItemCondition.MISSING && received > 0) {
        problems.add(label + ": a missing item has quantity received 0");
      }
      if (condition != null && disposition != null && received >= 0 && graded.add(lineNo)) {
        String notes = line.path("notes").asText("");
        result.add(new LineInspection(lineNo, condition == ItemCondition.MISSING ? 0 : received, condition, disposition,
            notes.isBlank() ? null : notes));
      }
    }
    for (ReturnLine line : record.lines()) {
      if (!graded.contains(line.lineNo()) && problems.stream().noneMatch(p -> p.startsWith(line.sku()))) {
        problems.add(line.sku() + ": not graded");
      }
    }
    if (!problems.isEmpty()) {
      throw new TaskInputException("The inspection is not complete: " + String.join("; ", problems) + ".");
    }
    return result;
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
