package io.openrma.process;

import java.util.List;

import io.openrma.returns.Disposition;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnRecord;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The warehouse's grades of a return's lines as the inspection task takes them ({@code inspectionLines}):
 * for clients and the demo that complete "Inspect returned items" directly instead of through the form.
 */
public final class InspectionGrades {

  private InspectionGrades() {
  }

  /**
   * What was found for one line, as the task receives it: condition and disposition are the names of
   * {@link ItemCondition} and {@link Disposition} (or whatever a client sent, which the task refuses).
   */
  public record Grade(int lineNo, int quantityReceived, String condition, String disposition, String notes) {
  }

  /** Every returned unit of every line received, in {@code condition}, to {@code disposition}. */
  public static List<Grade> allLines(ReturnRecord record, ItemCondition condition, Disposition disposition) {
    return allLines(record, condition.name(), disposition.name());
  }

  /** The same with the names as typed, valid or not. */
  public static List<Grade> allLines(ReturnRecord record, String condition, String disposition) {
    return record.lines().stream()
        .map(line -> new Grade(line.lineNo(), line.quantityReturned(), condition, disposition, "")).toList();
  }

  /** The grades as the JSON text of {@code inspectionLines}. */
  public static String json(List<Grade> grades) {
    return Spin.JSON(grades).toString();
  }

  /** The grades as the {@code inspectionLines} variable. */
  public static JsonValue value(List<Grade> grades) {
    return SpinValues.jsonValue(json(grades)).create();
  }
}
