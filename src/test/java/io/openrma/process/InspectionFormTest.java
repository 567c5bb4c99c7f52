package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.returns.CreateReturnRequest;
import io.openrma.returns.Disposition;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnRecords;
import io.openrma.returns.ReturnService.LineInspection;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code forms/inspect-return.form} and {@link InspectionCompletedListener} agree: a block of fields
 * for every line a return can have, bound to the variables the listener reads, offering every
 * condition and disposition; and what a person enters there becomes the inspected lines.
 * (InspectionInTasklistBrowserTest shows the same form in the real Tasklist.)
 */
class InspectionFormTest {

  static JsonNode form;

  @BeforeAll
  static void readForm() throws IOException {
    form = new ObjectMapper().readTree(Files.readString(Path.of("forms", "inspect-return.form")));
  }

  @Test
  void theFormHasABlockForEveryLineAReturnCanHave() throws Exception {
    int maxLines = CreateReturnRequest.class.getDeclaredField("lines").getAnnotation(Size.class).max();
    assertThat(blocks()).hasSize(maxLines);
    for (int slot = 1; slot <= maxLines; slot++) {
      JsonNode block = blocks().get(slot - 1);
      assertThat(block.path("conditional").path("hide").asText()).isEqualTo("=count(inspectionLines) < " + slot);
      List<String> keys = new ArrayList<>();
      block.path("components").forEach(field -> {
        if (field.has("key")) {
          keys.add(field.get("key").asText());
        }
      });
      int n = slot;
      assertThat(keys).containsExactlyElementsOf(InspectionCompletedListener.SLOT_FIELDS.stream()
          .map(field -> InspectionCompletedListener.slotVariable(n, field)).toList());
    }
  }

  @Test
  void everyBlockOffersEveryConditionAndDispositionAndRequiresThem() {
    for (JsonNode block : blocks()) {
      JsonNode condition = component(block, "Condition");
      JsonNode disposition = component(block, "Disposition");
      assertThat(values(condition)).containsExactlyElementsOf(names(ItemCondition.values()));
      assertThat(values(disposition)).containsExactlyElementsOf(names(Disposition.values()));
      assertThat(condition.path("validate").path("required").asBoolean()).isTrue();
      assertThat(disposition.path("validate").path("required").asBoolean()).isTrue();
      assertThat(component(block, "Received").path("validate").path("required").asBoolean()).isTrue();
    }
  }

  @Test
  void everyChoiceIsLabelledAsJavaLabelsIt() {
    for (JsonNode block : blocks()) {
      assertThat(labels(component(block, "Condition")))
          .containsExactlyElementsOf(Arrays.stream(ItemCondition.values()).map(ItemCondition::label).toList());
      assertThat(labels(component(block, "Disposition")))
          .containsExactlyElementsOf(Arrays.stream(Disposition.values()).map(Disposition::label).toList());
    }
  }

  @Test
  void theFormShowsTheCustomersNameAndTheLinesReadableReason() {
    assertThat(form.path("components").get(0).path("text").asText()).contains("{{pii_customerName}}");
    assertThat(blocks().get(0).path("components").get(0).path("text").asText())
        .contains("customer's reason: {{inspectionLines[1].reason}}");
  }

  @Test
  void whatThePersonEntersBecomesTheInspectedLines() {
    ReturnRecord record = returnWithTwoLines();
    DelegateTask task = taskWithVariables(Map.of(
        "line1Received", 1, "line1Condition", "OPENED", "line1Disposition", "REFURBISH", "line1Notes", "",
        "line2Received", 0, "line2Condition", "MISSING", "line2Disposition", "SCRAP",
        "line2Notes", "Not in the parcel"));

    List<LineInspection> lines = InspectionCompletedListener.parseLines(
        InspectionCompletedListener.fromForm(task, record), record);

    assertThat(lines).containsExactly(
        new LineInspection(1, 1, ItemCondition.OPENED, Disposition.REFURBISH, null),
        new LineInspection(2, 0, ItemCondition.MISSING, Disposition.SCRAP, "Not in the parcel"));
  }

  @Test
  void aLineLeftUngradedIsRefusedWithItsSku() {
    ReturnRecord record = returnWithTwoLines();
    DelegateTask task = taskWithVariables(Map.of(
        "line1Received", 1, "line1Condition", "NEW", "line1Disposition", "RESTOCK", "line2Received", 2));

    assertThatThrownBy(() -> InspectionCompletedListener.parseLines(
        InspectionCompletedListener.fromForm(task, record), record))
        .isInstanceOf(TaskInputException.class)
        .hasMessageContaining("SOCK-3: choose the condition")
        .hasMessageContaining("SOCK-3: choose what happens to the item")
        .hasMessageNotContaining("SHOE-42");
  }

  @Test
  void aValueThatIsNotAChoiceIsNamedWithTheChoices() {
    ReturnRecord record = returnWithTwoLines();
    DelegateTask task = taskWithVariables(Map.of(
        "line1Received", 1, "line1Condition", "SHINY", "line1Disposition", "RESTOCK",
        "line2Received", 2, "line2Condition", "NEW", "line2Disposition", "BURN"));

    assertThatThrownBy(() -> InspectionCompletedListener.parseLines(
        InspectionCompletedListener.fromForm(task, record), record))
        .isInstanceOf(TaskInputException.class)
        .hasMessageContaining("SHOE-42: \"SHINY\" is not a condition (NEW, OPENED")
        .hasMessageContaining("SOCK-3: \"BURN\" is not a disposition (RESTOCK");
  }

  private static List<JsonNode> blocks() {
    List<JsonNode> blocks = new ArrayList<>();
    form.path("components").forEach(component -> {
      if (component.path("type").asText().equals("group")) {
        blocks.add(component);
      }
    });
    return blocks;
  }

  private static JsonNode component(JsonNode block, String field) {
    for (JsonNode component : block.path("components")) {
      if (component.path("key").asText().endsWith(field)) {
        return component;
      }
    }
    throw new AssertionError("no " + field + " field in " + block.path("id"));
  }

  private static List<String> values(JsonNode select) {
    List<String> values = new ArrayList<>();
    select.path("values").forEach(value -> values.add(value.path("value").asText()));
    return values;
  }

  private static List<String> labels(JsonNode select) {
    List<String> labels = new ArrayList<>();
    select.path("values").forEach(value -> labels.add(value.path("label").asText()));
    return labels;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static DelegateTask taskWithVariables(Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(anyString())).thenAnswer(call -> all.get(call.<String>getArgument(0)));
    return task;
  }

  private static ReturnRecord returnWithTwoLines() {
    List<ReturnLine> lines = List.of(
        new ReturnLine(1, "SHOE-42", "Trail shoe, size 42", ItemCategory.GENERAL, 1, 1, 8000, 0, 1277,
            ReturnReason.DOES_NOT_FIT, null, ItemCondition.NEW, null, null, null),
        new ReturnLine(2, "SOCK-3", "Merino socks, 3 pairs", ItemCategory.GENERAL, 2, 2, 2000, 0, 639,
            ReturnReason.NO_LONGER_NEEDED, null, ItemCondition.NEW, null, null, null));
    return ReturnRecords.of(1, "RMA-000001", null, null, null, null, null, lines, "carl", null);
  }
}
