package io.openrma.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Inspect returned items" completed: reads the graded lines, checks every line is graded with
 * allowed values, and writes them to the returns record.
 *
 * <p>The form ({@code forms/inspect-return.form}) has one block of fields per line: the n-th line of
 * the return (in line order) is graded in {@code line<n>Received}, {@code line<n>Condition},
 * {@code line<n>Disposition} and {@code line<n>Notes}. These variables are folded into
 * {@code inspectionLines} (the graded lines as JSON) and removed. API clients and process tests may
 * instead complete the task with {@code inspectionLines} graded directly.
 */
@Component
public class InspectionCompletedListener implements TaskListener {

  private final ReturnService returns;
  private final ObjectMapper json;

  public InspectionCompletedListener(ReturnService returns, ObjectMapper json) {
    this.returns = returns;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String rmaNumber = task.getExecution().getProcessBusinessKey();
    ReturnRecord record = returns.get(rmaNumber);
    List<LineInspection> inspections;
    if (gradedInForm(task, record)) {
      ArrayNode lines = fromForm(task, record);
      inspections = parseLines(lines, record);
      for (int slot = 1; slot <= record.lines().size(); slot++) {
        for (String field : SLOT_FIELDS) {
          task.removeVariable(slotVariable(slot, field));
        }
      }
      task.getExecution().setVariable(ProcessIds.VAR_INSPECTION_LINES, SpinValues.jsonValue(lines.toString()).create());
    } else {
      inspections = parse(task.getVariableTyped(ProcessIds.VAR_INSPECTION_LINES), record);
    }
    returns.recordInspection(rmaNumber, inspections, Actor.user(ReviewCompletedListener.actor(task)));
  }

  /** The form's variable for one field of the n-th line (1-based): {@code line3Condition}. */
  static String slotVariable(int slot, String field) {
    return "line" + slot + field;
  }

  static final List<String> SLOT_FIELDS = List.of("Received", "Condition", "Disposition", "Notes");

  private static boolean gradedInForm(DelegateTask task, ReturnRecord record) {
    for (int slot = 1; slot <= record.lines().size(); slot++) {
      for (String field : SLOT_FIELDS) {
        if (task.getVariable(slotVariable(slot, field)) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** The form's per-line fields as the lines of {@code inspectionLines}. */
  static ArrayNode fromForm(DelegateTask task, ReturnRecord record) {
    ArrayNode lines = JsonNodeFactory.instance.arrayNode();
    for (int slot = 1; slot <= record.lines().size(); slot++) {
      ReturnLine line = record.lines().get(slot - 1);
      ObjectNode graded = lines.addObject();
      graded.put("lineNo", line.lineNo());
      graded.put("sku", line.sku());
      Object received = task.getVariable(slotVariable(slot, "Received"));
      if (received instanceof Number number) {
        graded.put("quantityReceived", number.intValue());
      } else if (received != null && !received.toString().isBlank()) {
        graded.put("quantityReceived", received.toString().trim());
      }
      graded.put("condition", text(task.getVariable(slotVariable(slot, "Condition"))));
      graded.put("disposition", text(task.getVariable(slotVariable(slot, "Disposition"))));
      graded.put("notes", text(task.getVariable(slotVariable(slot, "Notes"))));
    }
    return lines;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private List<LineInspection> parse(TypedValue value, ReturnRecord record) {
    if (value == null || value.getValue() == null) {
      throw new TaskInputException("Grade every returned line before completing the inspection.");
    }
    JsonNode lines;
    try {
      lines = json.readTree(value.getValue().toString());
    } catch (Exception e) {
      throw new TaskInputException("The inspection could not be read; reload the task and grade the lines again.");
    }
    return parseLines(lines, record);
  }

  static List<LineInspection> parseLines(JsonNode lines, ReturnRecord record) {
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
      String conditionText = line.path("condition").asText("").trim();
      String dispositionText = line.path("disposition").asText("").trim();
      ItemCondition condition = parseEnum(ItemCondition.class, conditionText);
      Disposition disposition = parseEnum(Disposition.class, dispositionText);
      int received = line.path("quantityReceived").asInt(-1);
      if (condition == null) {
        problems.add(label + (conditionText.isEmpty()
            ? ": choose the condition"
            : ": \"" + conditionText + "\" is not a condition (" + choices(ItemCondition.values()) + ")"));
      }
      if (disposition == null) {
        problems.add(label + (dispositionText.isEmpty()
            ? ": choose what happens to the item"
            : ": \"" + dispositionText + "\" is not a disposition (" + choices(Disposition.values()) + ")"));
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

  private static String choices(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
