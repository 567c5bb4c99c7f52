package benchdriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's load driver: runs the scenarios against one running OpenRMA and writes what it
 * measured as JSON. Started by bench/run; see bench/README.md.
 *
 * <pre>
 * java -cp bench/work/classes:postgresql.jar benchdriver.Main --base http://127.0.0.1:18080 \
 *   --pg jdbc:postgresql://127.0.0.1:55432/postgres --database openrma --app-pid 1234 --postmaster-pid 99 \
 *   --scenarios throughput,rest,correlation,tasks --out result.json
 * </pre>
 */
public final class Main {

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    Api api = new Api(o.getOrDefault("base", "http://127.0.0.1:18080"));
    String database = o.getOrDefault("database", "openrma");
    Db db = Db.connect(o.get("pg"));
    Probe probe = new Probe(Long.parseLong(o.getOrDefault("app-pid", "0")),
        Long.parseLong(o.getOrDefault("postmaster-pid", "0")));
    List<String> scenarios = Arrays.asList(o.getOrDefault("scenarios", "throughput,rest").split(","));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("driver_started", Instant.now().toString());
    result.put("load_average_at_start", Probe.loadAverage());
    Path out = Path.of(o.getOrDefault("out", "result.json"));

    if (scenarios.contains("baseline")) {
      result.put("baseline", baseline(o, api, db, database, probe));
      write(out, result);
    }

    ReturnsLoad load = null;
    Throughput throughput = null;
    if (scenarios.contains("throughput") || scenarios.contains("rest")) {
      load = new ReturnsLoad(api, Integer.parseInt(o.getOrDefault("poll-ms", "250")));
      throughput = new Throughput(api, load, db, database, probe);
    }
    double max = Double.parseDouble(o.getOrDefault("rate", "0"));
    if (scenarios.contains("throughput")) {
      Map<String, Object> section = new LinkedHashMap<>();
      if (max <= 0) {
        // a fresh JVM compiles the hot paths in its first minute: warm up at a low rate before any step counts
        double warmRate = Math.max(1, Double.parseDouble(o.getOrDefault("start-rate", "20")) / 2);
        int warmSeconds = Integer.parseInt(o.getOrDefault("jvm-warmup-seconds", "60"));
        throughput.warmUp(warmRate, warmSeconds);
        section.put("jvm_warmup", Map.of("rate_per_s", warmRate, "seconds", warmSeconds));
        Map<String, Object> search = throughput.search(Double.parseDouble(o.getOrDefault("start-rate", "20")),
            Integer.parseInt(o.getOrDefault("step-seconds", "30")),
            Double.parseDouble(o.getOrDefault("max-rate", "400")));
        section.put("search", search);
        max = (double) search.get("highest_flat_per_s");
      }
      section.put("idle", throughput.idle(10));
      Map<String, Object> measured = throughput.measure(max, Integer.parseInt(o.getOrDefault("warmup-seconds", "20")),
          Integer.parseInt(o.getOrDefault("final-seconds", "90")));
      section.put("measured", measured);
      System.err.printf("[driver] measured at %.0f/s: %.1f returns/s completed, create->REFUNDED p50 %s ms p99 %s ms%n",
          max, (double) measured.get("completed_per_s"),
          ((Map<?, ?>) measured.get("create_to_refunded")).get("p50_ms"),
          ((Map<?, ?>) measured.get("create_to_refunded")).get("p99_ms"));
      result.put("throughput", section);
      write(out, result);
    }
    if (scenarios.contains("rest") && max > 0) {
      double rate = Math.max(1, Math.round(0.7 * max * 10) / 10.0);
      throughput.drain(180);
      load.creates.rate(rate);
      load.gets.rate(rate / 2);
      load.searches.rate(rate / 2);
      Throughput.sleep(Integer.parseInt(o.getOrDefault("warmup-seconds", "20")) * 1000L);
      load.resetLatencies();
      Probe.Snapshot cpu0 = probe.snapshot();
      Throughput.sleep(Integer.parseInt(o.getOrDefault("rest-seconds", "60")) * 1000L);
      Probe.Snapshot cpu1 = probe.snapshot();
      Map<String, Object> rest = new LinkedHashMap<>();
      rest.put("returns_per_s", rate);
      rest.put("of_max_per_s", max);
      rest.put("gets_per_s", rate / 2);
      rest.put("searches_per_s", rate / 2);
      rest.put("latency", load.latencySummary());
      rest.put("cpu", Probe.between(cpu0, cpu1));
      throughput.drain(300);
      result.put("rest", rest);
      write(out, result);
    }
    if (throughput != null) {
      throughput.stop();
      load.stop();
    }
    Waiting waiting = new Waiting(api, db, database, probe);
    if (scenarios.contains("correlation")) {
      List<Long> sizes = Arrays.stream(o.getOrDefault("sizes", "1000,10000,100000").split(",")).map(Long::parseLong)
          .toList();
      result.put("correlation", waiting.correlation(sizes, Integer.parseInt(o.getOrDefault("max-scans", "1000")),
          Integer.parseInt(o.getOrDefault("fixed-scans", "1500")),
          Integer.parseInt(o.getOrDefault("scan-clients", "4")),
          Double.parseDouble(o.getOrDefault("scan-rate", "0"))));
      write(out, result);
    }
    if (scenarios.contains("tasks")) {
      result.put("tasks", waiting.taskList(Long.parseLong(o.getOrDefault("open-tasks", "100000")),
          Integer.parseInt(o.getOrDefault("task-iterations", "200"))));
    }
    result.put("load_average_at_end", Probe.loadAverage());
    result.put("driver_ended", Instant.now().toString());
    write(out, result);
    if (db != null) {
      db.close();
    }
    System.exit(0);
  }

  /**
   * The bare-engine baseline (bench/baseline): JVM warm-up, the rate search and the measured hold, over REST
   * ({@code --baseline-mode rest}) or by the application's in-process driver ({@code in-process}, steered through
   * {@code --rate-file}). {@code --rate} skips the search.
   */
  private static Map<String, Object> baseline(Map<String, String> o, Api api, Db db, String database, Probe probe) {
    String mode = o.getOrDefault("baseline-mode", "rest");
    Baseline.Load load = mode.equals("in-process")
        ? new Baseline.InProcessLoad(o.get("rate-file"))
        : new Baseline.RestLoad(api, Integer.parseInt(o.getOrDefault("poll-ms", "250")));
    Baseline baseline = new Baseline(load, db, database, probe);
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("mode", mode);
    double startRate = Double.parseDouble(o.getOrDefault("start-rate", "20"));
    double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
    if (rate <= 0) {
      double warmRate = Math.max(1, startRate / 2);
      int warmSeconds = Integer.parseInt(o.getOrDefault("jvm-warmup-seconds", "60"));
      baseline.warmUp(warmRate, warmSeconds);
      section.put("jvm_warmup", Map.of("rate_per_s", warmRate, "seconds", warmSeconds));
      Map<String, Object> search = baseline.search(startRate, Integer.parseInt(o.getOrDefault("step-seconds", "30")),
          Double.parseDouble(o.getOrDefault("max-rate", "2000")));
      section.put("search", search);
      rate = (double) search.get("highest_flat_per_s");
    }
    section.put("measured", baseline.measure(rate, Integer.parseInt(o.getOrDefault("warmup-seconds", "20")),
        Integer.parseInt(o.getOrDefault("final-seconds", "90"))));
    baseline.stop();
    return section;
  }

  private static void write(Path out, Map<String, Object> result) throws Exception {
    Files.writeString(out, Json.write(result) + "\n");
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String key = args[i].substring(2);
        if (key.contains("=")) {
          o.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
        } else {
          o.put(key, args[++i]);
        }
      }
    }
    return o;
  }
}
