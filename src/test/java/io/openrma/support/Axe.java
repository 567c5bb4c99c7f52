package io.openrma.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility engine, run in the page the browser shows: its WCAG 2.0, 2.1 and 2.2 A and AA
 * rules, and the page fails the test with every violation named (rule, impact, the elements). axe-core comes
 * from the npm lock file of {@code .ci/node} ({@code npm ci} there, as {@code .ci/run} does); the browser
 * injects it through the driver, which the pages' Content-Security-Policy does not govern.
 */
public final class Axe {

  private static final Path SCRIPT = Path.of(".ci", "node", "node_modules", "axe-core", "axe.min.js");
  private static final String RUN = "const done = arguments[arguments.length - 1];"
      + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
      + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
      + " nodes: v.nodes.map(n => n.target.join(' '))})))), e => done('error: ' + e));";

  private Axe() {
  }

  /** Runs axe on the page shown now; {@code page} names it in the failure. */
  public static void assertNoViolations(JavascriptExecutor browser, String page) {
    String source;
    try {
      source = Files.readString(SCRIPT);
    } catch (IOException e) {
      throw new AssertionError(SCRIPT + " is missing: run 'npm ci' in .ci/node (CI does) to get axe-core", e);
    }
    browser.executeScript(source);
    Object answer = browser.executeAsyncScript(RUN);
    assertThat(answer).as("axe-core on " + page).asString().doesNotStartWith("error:");
    List<Map<String, Object>> violations;
    try {
      violations = new ObjectMapper().readValue(answer.toString(), new TypeReference<>() {
      });
    } catch (IOException e) {
      throw new AssertionError("axe-core answered " + answer, e);
    }
    assertThat(violations).as("WCAG 2.2 AA violations axe-core finds on " + page).isEmpty();
  }
}
