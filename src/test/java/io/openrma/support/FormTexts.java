package io.openrma.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text a person reads in a form of {@code forms/}: its text components with their
 * {@code {{variable}}} and {@code {{list[n].field}}} templates filled from the task's form variables
 * as Tasklist loads them ({@code GET /engine-rest/task/{id}/form-variables?deserializeValues=false}: Json variables as text). Groups hidden by
 * {@code =count(list) < n} are left out, as form-js leaves them out.
 */
public final class FormTexts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)(?:\\[(\\d+)]\\.(\\w+))?\\s*}}");
  private static final Pattern COUNT_HIDE = Pattern.compile("=count\\((\\w+)\\) < (\\d+)");

  private FormTexts() {
  }

  /** The form {@code forms/<formId>.form} as read with {@code formVariables} (the REST answer). */
  public static String render(String formId, JsonNode formVariables) {
    try {
      JsonNode form = JSON.readTree(Files.readString(Path.of("forms", formId + ".form")));
      StringBuilder text = new StringBuilder();
      render(form.path("components"), formVariables, text);
      return text.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void render(JsonNode components, JsonNode variables, StringBuilder text) {
    for (JsonNode component : components) {
      if (hidden(component, variables)) {
        continue;
      }
      if (component.path("type").asText().equals("text")) {
        text.append(fill(component.path("text").asText(), variables)).append('\n');
      }
      render(component.path("components"), variables, text);
    }
  }

  private static boolean hidden(JsonNode component, JsonNode variables) {
    Matcher hide = COUNT_HIDE.matcher(component.path("conditional").path("hide").asText());
    return hide.matches() && value(variables, hide.group(1)).size() < Integer.parseInt(hide.group(2));
  }

  private static String fill(String template, JsonNode variables) {
    Matcher matcher = TEMPLATE.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      JsonNode value = value(variables, matcher.group(1));
      if (matcher.group(2) != null) {
        value = value.path(Integer.parseInt(matcher.group(2)) - 1).path(matcher.group(3));
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value.isMissingNode() ? "" : value.asText()));
    }
    return matcher.appendTail(filled).toString();
  }

  private static JsonNode value(JsonNode variables, String name) {
    JsonNode variable = variables.path(name);
    JsonNode value = variable.path("value");
    if (variable.path("type").asText().equals("Json") && value.isTextual()) {
      try {
        return JSON.readTree(value.asText());
      } catch (IOException e) {
        throw new IllegalStateException(name + " is not JSON: " + value, e);
      }
    }
    return value;
  }
}
