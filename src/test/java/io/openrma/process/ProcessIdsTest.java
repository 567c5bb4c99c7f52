package io.openrma.process;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test {@link ProcessIds}' Javadoc promises: every id the Java code shares with {@code processes/} exists there,
 * as the kind of element the code relies on, so renaming one in the Modeler and not in ProcessIds fails here rather
 * than in a running return. The constants are read by reflection, one rule per name prefix (plus a table for the
 * steps, whose names carry no type), so a new constant is checked without touching this test, and one that no
 * rule covers fails {@link #everyConstantHasARule()} with its name. Plain model API, no engine: it runs in a second.
 */
class ProcessIdsTest {

  private static final Path LIFECYCLE = Path.of("processes", "rma-lifecycle.bpmn");
  private static final Path POLICY = Path.of("processes", "return-policy.dmn");
  private static final Path FORMS = Path.of("forms");

  /** Constants with a rule of their own. */
  private static final Set<String> SINGLES = Set.of("RMA_LIFECYCLE", "RETURN_POLICY", "RMA_STATUS_PROPERTY");
  private static final List<String> PREFIXES = List.of("MSG_", "ERROR_", "TASK_", "START_", "END_", "VAR_");
  /**
   * The steps code and tests refer to, with the element type that reference needs: a delegate runs in a service task,
   * a message is correlated to a receive task or catch event.
   */
  private static final Map<String, Class<? extends FlowNode>> STEPS = Map.ofEntries(
      entry("CHECK_RETURN_POLICY", BusinessRuleTask.class),
      entry("GENERATE_RETURN_LABEL", ServiceTask.class),
      entry("SEND_RETURN_EMAIL", ServiceTask.class),
      entry("SEND_REJECTION_EMAIL", ServiceTask.class),
      entry("ATTACH_LABEL_TO_ZENDESK", ServiceTask.class),
      entry("UPDATE_ZENDESK_TRACKING", ServiceTask.class),
      entry("CANCEL_STRIPE_SUBSCRIPTION", ServiceTask.class),
      entry("ITEM_PICKED_UP", ReceiveTask.class),
      entry("ITEM_ARRIVED", IntermediateCatchEvent.class),
      entry("SEND_REMINDER_EMAIL", ServiceTask.class),
      entry("CALCULATE_REFUND", ServiceTask.class),
      entry("REFUND_PAYMENT", ServiceTask.class),
      entry("ISSUE_STORE_CREDIT", ServiceTask.class),
      entry("WAIT_FOR_REFUND_CONFIRMATION", ReceiveTask.class),
      entry("UPDATE_RECORD_REFUNDED", ServiceTask.class),
      entry("RECORD_REFUND_IN_BOOKS", ServiceTask.class),
      entry("OPEN_SHOPIFY_RETURN", ServiceTask.class),
      entry("APPROVE_SHOPIFY_RETURN", ServiceTask.class),
      entry("DECLINE_SHOPIFY_RETURN", ServiceTask.class),
      entry("ADD_RETURN_SHIPPING_TO_SHOPIFY", ServiceTask.class),
      entry("PROCESS_SHOPIFY_RETURN", ServiceTask.class),
      entry("CANCEL_SHOPIFY_RETURN", ServiceTask.class),
      entry("NOTIFY_CUSTOMER", ServiceTask.class),
      entry("VOID_RETURN_LABEL", ServiceTask.class),
      entry("SEND_CANCELLATION_EMAIL", ServiceTask.class));

  /** An identifier that is not a property ({@code policy.decision} names {@code policy}) nor part of a longer one. */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*");
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern JUEL = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^}]*)}}");
  private static final Pattern VARIABLE_ATTRIBUTE = Pattern.compile(
      "camunda:\\w*[vV]ariable=\"([^\"]+)\"|<camunda:(?:in|out)\\b[^>]*?\\b(?:source|target)=\"([^\"]+)\"");

  static BpmnModelInstance lifecycle;
  static Set<String> variablesInDiagramAndForms;

  @BeforeAll
  static void readDiagramAndForms() throws IOException {
    lifecycle = Bpmn.readModelFromFile(LIFECYCLE.toFile());
    variablesInDiagramAndForms = new TreeSet<>();
    variablesInDiagramAndForms.addAll(variablesInBpmn(Files.readString(LIFECYCLE)));
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(file -> file.toString().endsWith(".form")).sorted().toList()) {
        variablesInForm(new ObjectMapper().readTree(form.toFile()), variablesInDiagramAndForms);
      }
    }
  }

  @Test
  void everyConstantHasARule() {
    List<String> problems = new ArrayList<>();
    for (Field constant : constants()) {
      String name = constant.getName();
      if (!SINGLES.contains(name) && !STEPS.containsKey(name) && PREFIXES.stream().noneMatch(name::startsWith)) {
        problems.add("ProcessIds." + name + " has no rule in ProcessIdsTest: give it one of the prefixes " + PREFIXES
            + " or list it in STEPS with its element type");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyStepListedHereIsAConstant() {
    Set<String> names = new TreeSet<>(constants().stream().map(Field::getName).toList());
    assertThat(names).as("ProcessIds constants").containsAll(STEPS.keySet());
  }

  @Test
  void theLifecycleKeyIsAnExecutableProcess() {
    ModelElementInstance element = lifecycle.getModelElementById(ProcessIds.RMA_LIFECYCLE);
    assertThat(element).as("ProcessIds.RMA_LIFECYCLE in " + LIFECYCLE).isInstanceOf(Process.class);
    assertThat(((Process) element).isExecutable()).as("ProcessIds.RMA_LIFECYCLE is executable").isTrue();
  }

  @Test
  void theReturnPolicyIsADecisionThatTheLifecycleEvaluates() {
    ModelElementInstance decision = Dmn.readModelFromFile(POLICY.toFile())
        .getModelElementById(ProcessIds.RETURN_POLICY);
    assertThat(decision).as("ProcessIds.RETURN_POLICY in " + POLICY).isInstanceOf(Decision.class);
    assertThat(lifecycle.getModelElementsByType(BusinessRuleTask.class))
        .extracting(BusinessRuleTask::getCamundaDecisionRef)
        .as("decisionRef of the business rule tasks in " + LIFECYCLE)
        .contains(ProcessIds.RETURN_POLICY);
  }

  @Test
  void theStatusPropertyIsAnExtensionPropertyOfTheLifecycle() {
    assertThat(lifecycle.getModelElementsByType(CamundaProperty.class))
        .extracting(CamundaProperty::getCamundaName)
        .as("camunda:property names in " + LIFECYCLE)
        .contains(ProcessIds.RMA_STATUS_PROPERTY);
  }

  @Test
  void everyMessageNameIsAMessageTheLifecycleWaitsFor() {
    Set<String> awaited = new TreeSet<>();
    lifecycle.getModelElementsByType(ReceiveTask.class).forEach(task -> addName(task.getMessage(), awaited));
    lifecycle.getModelElementsByType(MessageEventDefinition.class)
        .forEach(event -> addName(event.getMessage(), awaited));
    assertThat(problems("MSG_", value -> awaited.contains(value), "the name of a message a receive task or "
        + "message event in " + LIFECYCLE + " waits for (those are " + awaited + ")")).isEmpty();
  }

  @Test
  void everyErrorCodeIsAnErrorTheLifecycleCatches() {
    Set<String> caught = new TreeSet<>();
    for (ErrorEventDefinition definition : lifecycle.getModelElementsByType(ErrorEventDefinition.class)) {
      if (definition.getError() != null) {
        caught.add(definition.getError().getErrorCode());
      }
    }
    assertThat(problems("ERROR_", value -> caught.contains(value), "the errorCode of a bpmn:error an error event in "
        + LIFECYCLE + " catches (those are " + caught + ")")).isEmpty();
  }

  @Test
  void everyTaskIdIsAUserTask() {
    assertThat(problems("TASK_", value -> is(value, UserTask.class), "the id of a user task in " + LIFECYCLE))
        .isEmpty();
  }

  @Test
  void everyStartIdIsAStartEvent() {
    assertThat(problems("START_", value -> is(value, StartEvent.class), "the id of a start event in " + LIFECYCLE))
        .isEmpty();
  }

  @Test
  void everyEndIdIsAnEndEvent() {
    assertThat(problems("END_", value -> is(value, EndEvent.class), "the id of an end event in " + LIFECYCLE))
        .isEmpty();
  }

  @Test
  void everyStepIdIsAnElementOfTheTypeTheCodeExpects() {
    List<String> problems = new ArrayList<>();
    for (Field constant : constants()) {
      Class<? extends FlowNode> type = STEPS.get(constant.getName());
      if (type != null && !is(value(constant), type)) {
        problems.add(describe(constant) + " is not the id of a " + type.getSimpleName() + " in " + LIFECYCLE
            + ", " + typeOf(value(constant)));
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Java refers to a variable by its constant, so the Java sources would repeat a typo rather than find it; the
   * diagram and the forms spell the name out. Only where a name is used counts: an expression ({@code ${...}}), a
   * camunda:*Variable attribute, a form field's key, a form template or FEEL condition, not prose that mentions it.
   */
  @Test
  void everyVariableIsUsedByTheDiagramOrAForm() {
    assertThat(problems("VAR_", variablesInDiagramAndForms::contains, "a variable that " + LIFECYCLE + " or a form in "
        + FORMS + "/ uses (those are " + variablesInDiagramAndForms + ")")).isEmpty();
  }

  private static List<Field> constants() {
    return Arrays.stream(ProcessIds.class.getDeclaredFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers()))
        .filter(field -> field.getType() == String.class)
        .toList();
  }

  private static String value(Field constant) {
    try {
      return (String) constant.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Field constant) {
    return "ProcessIds." + constant.getName() + " = \"" + value(constant) + "\"";
  }

  private static List<String> problems(String prefix, Predicate<String> holds, String expectation) {
    return constants().stream()
        .filter(constant -> constant.getName().startsWith(prefix))
        .filter(constant -> !holds.test(value(constant)))
        .map(constant -> describe(constant) + " is not " + expectation)
        .toList();
  }

  private static boolean is(String id, Class<? extends ModelElementInstance> type) {
    return type.isInstance(lifecycle.getModelElementById(id));
  }

  private static String typeOf(String id) {
    ModelElementInstance element = lifecycle.getModelElementById(id);
    return element == null ? "no element has that id" : "it is a bpmn:" + element.getElementType().getTypeName();
  }

  private static void addName(Message message, Set<String> names) {
    if (message != null && message.getName() != null) {
      names.add(message.getName());
    }
  }

  static Set<String> variablesInBpmn(String xml) {
    String text = xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
    Set<String> names = new TreeSet<>();
    Matcher expression = JUEL.matcher(text);
    while (expression.find()) {
      identifiers(expression.group(1), names);
    }
    Matcher attribute = VARIABLE_ATTRIBUTE.matcher(text);
    while (attribute.find()) {
      names.add(attribute.group(1) != null ? attribute.group(1) : attribute.group(2));
    }
    return names;
  }

  static void variablesInForm(JsonNode node, Set<String> names) {
    node.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (value.isTextual()) {
        String text = value.asText();
        if (field.getKey().equals("key")) {
          names.add(text);
        } else if (text.startsWith("=")) {
          identifiers(text.substring(1), names);
        }
        Matcher template = TEMPLATE.matcher(text);
        while (template.find()) {
          identifiers(template.group(1), names);
        }
      }
    });
    node.elements().forEachRemaining(child -> variablesInForm(child, names));
  }

  private static void identifiers(String expression, Set<String> names) {
    Matcher identifier = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll(" "));
    while (identifier.find()) {
      names.add(identifier.group());
    }
  }
}
