package io.openrma.policy;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.openrma.process.ParsedFeelCache.CachingFeelEngine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Benchmark, not a test (no timing is asserted anywhere): evaluates {@code processes/return-policy.dmn}
 * with Camunda's FEEL engine as it ships and with {@code ParsedFeelCache}'s, for the same mix of inputs,
 * and prints evaluations per second and CPU microseconds per evaluation. Run by {@code bench/policy-eval};
 * the result is recorded in {@code bench/README.md}.
 */
public final class PolicyEvaluationBench {

  private static final List<Map<String, Object>> INPUTS = List.of(
      inputs(10, "NO_LONGER_NEEDED", "FINAL_SALE", 3000, "NEW", 0),
      inputs(10, "DOES_NOT_FIT", "APPAREL", 3000, "NEW", 5),
      inputs(31, "DOES_NOT_FIT", "APPAREL", 3000, "NEW", 0),
      inputs(10, "NO_LONGER_NEEDED", "ELECTRONICS", 3000, "OPENED", 0),
      inputs(10, "NOT_AS_DESCRIBED", "GENERAL", 49999, "NEW", 0),
      inputs(10, "DEFECTIVE", "ELECTRONICS", 2499, "OPENED", 0));

  private PolicyEvaluationBench() {
  }

  public static void main(String[] args) throws Exception {
    // logback without a configuration logs at DEBUG, which would measure the logging
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    for (int round = 1; round <= 3; round++) {
      run("stock FEEL engine", engine(false), evaluations, round);
      run("ParsedFeelCache", engine(true), evaluations, round);
    }
  }

  private static void run(String name, DmnEngine engine, int evaluations, int round) throws Exception {
    DmnDecision decision;
    try (InputStream dmn = PolicyEvaluationBench.class.getClassLoader()
        .getResourceAsStream("processes/return-policy.dmn")) {
      decision = engine.parseDecision("return-policy", dmn);
    }
    for (int i = 0; i < 20_000; i++) { // warm-up
      engine.evaluateDecisionTable(decision, INPUTS.get(i % INPUTS.size()));
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < evaluations; i++) {
      engine.evaluateDecisionTable(decision, INPUTS.get(i % INPUTS.size()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / evaluations;
    System.out.printf("round %d  %-18s %,10.0f evaluations/s  %6.1f us CPU per evaluation%n", round, name,
        evaluations / seconds, cpuMicros);
  }

  private static DmnEngine engine(boolean cached) {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    if (cached) {
      configuration.setFeelEngineFactory(() -> new CachingFeelEngine(List.of()));
    }
    return configuration.buildEngine();
  }

  private static Map<String, Object> inputs(int days, String reason, String category, long value, String condition,
      int prior) {
    return Map.of("daysSinceDelivery", days, "returnReason", reason, "itemCategory", category, "returnValue", value,
        "reportedCondition", condition, "priorReturns", prior);
  }
}
