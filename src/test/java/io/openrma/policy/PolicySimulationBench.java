package io.openrma.policy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.openrma.policy.PolicySimulation.Outcome;
import io.openrma.policy.PolicySimulation.Recorded;

/**
 * Benchmark, not a test (no timing is asserted anywhere): a stricter draft of {@code processes/return-policy.dmn}
 * replayed over {@code n} recorded decisions with realistic inputs (seeded), three rounds in one JVM. Prints the
 * wall time, the CPU time and the heap the recorded decisions and the run take, and how many classes the engine
 * was asked for. Run by {@code bench/policy-simulation}; the result is recorded in {@code bench/README.md}.
 */
public final class PolicySimulationBench {

  private static final String[] REASONS = {"DOES_NOT_FIT", "NO_LONGER_NEEDED", "DEFECTIVE", "NOT_AS_DESCRIBED",
      "WRONG_ITEM", "DAMAGED_IN_SHIPPING", "ARRIVED_TOO_LATE", "OTHER"};
  private static final String[] CATEGORIES = {"GENERAL", "APPAREL", "ELECTRONICS", "HYGIENE", "FINAL_SALE"};
  private static final String[] CONDITIONS = {"NEW", "NEW", "NEW", "OPENED", "USED", "DAMAGED"};

  private PolicySimulationBench() {
  }

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    byte[] draft = Files.readString(Path.of("processes", "return-policy.dmn"))
        .replace("<text>&gt;= 50000</text>", "<text>&gt;= 20000</text>").getBytes();
    var memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    List<Recorded> recorded = recorded(n, new Random(42));
    System.gc();
    long heapRecorded = memory.getHeapMemoryUsage().getUsed() - heapBefore;
    var threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 3; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      PolicySimulation simulation = new PolicySimulation(draft, "return-policy");
      PolicySimulation.Result result = simulation.run(recorded, 90);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      long heapPeak = memory.getHeapMemoryUsage().getUsed() - heapBefore;
      System.out.printf("round %d  %,d decisions  %.2f s wall  %.2f s CPU  %,d changed  heap: %,d MB recorded, "
          + "%,d MB in use after the run%n", round, result.decisions(), seconds, cpuSeconds, result.changed().size(),
          heapRecorded >> 20, heapPeak >> 20);
    }
  }

  private static List<Recorded> recorded(int n, Random random) {
    List<Recorded> recorded = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("daysSinceDelivery", random.nextInt(75));
      inputs.put("returnReason", REASONS[random.nextInt(REASONS.length)]);
      inputs.put("itemCategory", CATEGORIES[random.nextInt(CATEGORIES.length)]);
      inputs.put("returnValue", (long) (500 + random.nextInt(80_000)));
      inputs.put("reportedCondition", CONDITIONS[random.nextInt(CONDITIONS.length)]);
      inputs.put("priorReturns", random.nextInt(8));
      recorded.add(new Recorded(String.format("RMA-%06d", i), inputs,
          new Outcome(random.nextInt(4) == 0 ? "REVIEW" : "AUTO_APPROVE", 0, false, false), 11, 490, "EUR"));
    }
    return recorded;
  }
}
