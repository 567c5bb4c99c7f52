package benchdriver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item 1 of the benchmark: the highest rate of new returns at which the job backlog stays flat,
 * found in steps, then held for a measured window; time from create to REFUNDED from the
 * server's own timestamps (createdAt, refund.refundedAt).
 */
final class Throughput {

  record Sample(long nanos, long jobs, long closed, long created, long incidents) {
  }

  record Step(double rate, boolean sustainable, double createdPerSecond, double closedPerSecond, double jobSlope,
      long jobsAtEnd, long skipped, long errors, String reason) {
    Map<String, Object> json() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("offered_per_s", rate);
      out.put("sustainable", sustainable);
      out.put("created_per_s", createdPerSecond);
      out.put("closed_per_s", closedPerSecond);
      out.put("executable_jobs_slope_per_s", jobSlope);
      out.put("executable_jobs_at_end", jobsAtEnd);
      out.put("skipped_creates", skipped);
      out.put("errors", errors);
      out.put("verdict", reason);
      return out;
    }
  }

  private final Api api;
  private final ReturnsLoad load;
  private final Db db;
  private final String database;
  private final Probe probe;
  private final List<Sample> samples = new ArrayList<>();
  private volatile boolean sampling = true;
  /** Returns closed before this driver created any (e.g. of an earlier run on the same database). */
  private final long closedBefore;

  Throughput(Api api, ReturnsLoad load, Db db, String database, Probe probe) {
    this.api = api;
    this.load = load;
    this.db = db;
    this.database = database;
    this.probe = probe;
    this.closedBefore = sample().closed();
    Thread sampler = new Thread(() -> {
      while (sampling) {
        try {
          Sample sample = sample();
          synchronized (samples) {
            samples.add(sample);
          }
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          System.err.println("sampler: " + e);
        }
      }
    }, "sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  void stop() {
    sampling = false;
  }

  private long sampled;
  private long incidents;

  /** Two requests a second (the incident count every fifth), so that watching costs the server little. */
  Sample sample() {
    long jobs = count(api.get("admin", "/engine-rest/job/count?executable=true"), "count");
    long closed = count(api.get("admin", "/api/returns?status=CLOSED&size=1"), "total");
    if (sampled++ % 5 == 0) {
      incidents = count(api.get("admin", "/engine-rest/incident/count"), "count");
    }
    return new Sample(System.nanoTime(), jobs, closed, load.createdCount(), incidents);
  }

  private static long count(Api.Response response, String field) {
    if (response.status() != 200) {
      throw new IllegalStateException(response.status() + " " + response.body());
    }
    return (long) Double.parseDouble(Json.str(response.json(), field));
  }

  private List<Sample> samplesBetween(long from, long to) {
    synchronized (samples) {
      return samples.stream().filter(s -> s.nanos() >= from && s.nanos() <= to).toList();
    }
  }

  /** Offers {@code rate} returns/s for {@code seconds}; judges the second half. */
  Step step(double rate, int seconds) {
    long skipped0 = load.creates.skipped.get();
    long errors0 = load.errors.get();
    long start = System.nanoTime();
    load.creates.rate(rate);
    sleep(seconds * 1000L);
    long end = System.nanoTime();
    List<Sample> half = samplesBetween(start + (end - start) / 2, end);
    long skipped = load.creates.skipped.get() - skipped0;
    long errors = load.errors.get() - errors0;
    if (half.size() < 3) {
      System.err.printf("[driver] step %.1f/s: too few samples%n", rate);
      return new Step(rate, false, 0, 0, 0, 0, skipped, errors, "too few samples");
    }
    Sample first = half.get(0);
    Sample last = half.get(half.size() - 1);
    double secs = (last.nanos() - first.nanos()) / 1e9;
    double createdRate = (last.created() - first.created()) / secs;
    double closedRate = (last.closed() - first.closed()) / secs;
    double slope = slope(half);
    String reason;
    boolean ok;
    if (skipped > 0) {
      ok = false;
      reason = "creates queue up (" + skipped + " skipped)";
    } else if (errors > 0) {
      ok = false;
      reason = errors + " failed requests";
    } else if (last.incidents() > 0) {
      ok = false;
      reason = last.incidents() + " incidents";
    } else if (closedRate < 0.95 * createdRate) {
      ok = false;
      reason = "returns close slower than they are created";
    } else if (slope > 1.0 + 0.05 * rate) {
      ok = false;
      reason = "job backlog grows";
    } else {
      ok = true;
      reason = "flat";
    }
    Step step = new Step(rate, ok, createdRate, closedRate, slope, last.jobs(), skipped, errors, reason);
    System.err.printf("[driver] step %.1f/s: created %.1f/s closed %.1f/s, job slope %.2f/s, jobs %d: %s%n", rate,
        createdRate, closedRate, slope, last.jobs(), reason);
    return step;
  }

  /** Least-squares slope of the executable jobs over time, per second. */
  private static double slope(List<Sample> samples) {
    double n = samples.size();
    double t0 = samples.get(0).nanos();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (Sample s : samples) {
      double x = (s.nanos() - t0) / 1e9;
      double y = s.jobs();
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double d = n * sxx - sx * sx;
    return d == 0 ? 0 : (n * sxy - sx * sy) / d;
  }

  /** Runs the lifecycle at {@code rate} for {@code seconds}, then drains: nothing of it is measured. */
  void warmUp(double rate, int seconds) {
    System.err.printf("[driver] JVM warm-up: %.1f returns/s for %d s%n", rate, seconds);
    load.creates.rate(rate);
    sleep(seconds * 1000L);
    drain(180);
  }

  /** Stops creating and waits until every return has closed and no job is due (at most {@code maxSeconds}). */
  boolean drain(int maxSeconds) {
    load.creates.rate(0);
    load.gets.rate(0);
    load.searches.rate(0);
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    long lastClosed = -1;
    int unchanged = 0;
    while (System.nanoTime() < deadline) {
      try {
        Sample s = sample();
        if (s.jobs() == 0 && s.closed() - closedBefore >= load.createdCount() && load.inFlightRequests() == 0) {
          return true;
        }
        // returns whose step failed wait for their retry (minutes) or an admin: nothing more moves now
        unchanged = s.jobs() == 0 && load.inFlightRequests() == 0 && s.closed() == lastClosed ? unchanged + 1 : 0;
        lastClosed = s.closed();
        if (unchanged >= 10) {
          System.err.println("[driver] drain: settled with " + (load.createdCount() - (s.closed() - closedBefore))
              + " returns not closed (failed steps waiting for a retry), " + s.incidents() + " incidents");
          return false;
        }
      } catch (RuntimeException e) {
        System.err.println("[driver] drain: " + e);
      }
      sleep(1000);
    }
    return false;
  }

  /** The highest rate OpenRMA carries flat ({@link RateSearch}). */
  Map<String, Object> search(double startRate, int stepSeconds, double maxRate) {
    return RateSearch.search(startRate, maxRate, rate -> step(rate, stepSeconds).json(), () -> drain(180));
  }

  /** Holds {@code rate} for warm-up plus {@code seconds} and measures the window after the warm-up. */
  Map<String, Object> measure(double rate, int warmupSeconds, int seconds) {
    drain(180);
    int index = load.createdCount();
    load.resetLatencies();
    load.creates.rate(rate);
    sleep(warmupSeconds * 1000L);
    load.resetLatencies();
    long skipped0 = load.creates.skipped.get();
    long errors0 = load.errors.get();
    Probe.Snapshot cpu0 = probe.snapshot();
    long commits0 = db == null ? 0 : db.commits(database);
    if (db != null) {
      db.resetStatements();
    }
    Instant from = Instant.now();
    long t0 = System.nanoTime();
    int windowIndex = load.createdCount();
    sleep(seconds * 1000L);
    long t1 = System.nanoTime();
    Instant to = Instant.now();
    int windowEnd = load.createdCount();
    long commits1 = db == null ? 0 : db.commits(database);
    Probe.Snapshot cpu1 = probe.snapshot();
    List<Map<String, Object>> statements = db == null ? List.of() : db.topStatements(database, 25);
    Map<String, Object> apiLatency = load.latencySummary();
    List<Sample> window = samplesBetween(t0, t1);
    long skipped = load.creates.skipped.get() - skipped0;
    long errors = load.errors.get() - errors0;
    load.creates.rate(0);
    boolean drained = drain(300);

    // every return created since the start of this measurement, read back with its server timestamps
    Set<String> wanted = new HashSet<>(load.createdSince(index));
    Set<String> inWindow = new HashSet<>(load.createdSince(windowIndex).subList(0, windowEnd - windowIndex));
    Map<String, long[]> times = collect(wanted);
    double windowSeconds = (t1 - t0) / 1e9;
    long refundedInWindow = 0;
    Latencies endToEnd = new Latencies();
    long unfinished = 0;
    for (String rma : wanted) {
      long[] t = times.get(rma);
      if (t == null || t[1] == 0) {
        unfinished += inWindow.contains(rma) ? 1 : 0;
        continue;
      }
      if (t[1] >= from.toEpochMilli() && t[1] <= to.toEpochMilli()) {
        refundedInWindow++;
      }
      if (inWindow.contains(rma)) {
        endToEnd.add((t[1] - t[0]) * 1_000_000L);
      }
    }
    double completedPerSecond = refundedInWindow / windowSeconds;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offered_per_s", rate);
    out.put("window_seconds", windowSeconds);
    out.put("warmup_seconds", warmupSeconds);
    out.put("created_in_window", inWindow.size());
    out.put("refunded_in_window", refundedInWindow);
    out.put("completed_per_s", completedPerSecond);
    out.put("unfinished", unfinished);
    out.put("drained_after", drained);
    out.put("skipped_creates", skipped);
    out.put("errors", errors);
    out.put("create_to_refunded", endToEnd.summary());
    if (!window.isEmpty()) {
      out.put("executable_jobs", Map.of("first", window.get(0).jobs(), "last", window.get(window.size() - 1).jobs(),
          "max", window.stream().mapToLong(Sample::jobs).max().orElse(0),
          "slope_per_s", window.size() >= 3 ? slope(window) : 0.0));
      out.put("incidents_at_end", window.get(window.size() - 1).incidents());
    }
    Map<String, Object> cpu = Probe.between(cpu0, cpu1);
    out.put("cpu", cpu);
    // what one return cost the machine: OpenRMA's and PostgreSQL's CPU in the window per return refunded in it
    double appAndDb = (double) cpu.get("openrma_cores") + (double) cpu.get("postgres_cores");
    out.put("cpu_ms_per_return", completedPerSecond == 0 ? null : appAndDb * 1000 / completedPerSecond);
    out.put("api", apiLatency);
    if (db != null) {
      long commits = commits1 - commits0;
      out.put("db_commits", commits);
      out.put("db_commits_per_s", commits / windowSeconds);
      out.put("db_transactions_per_return", refundedInWindow == 0 ? null : commits / (double) refundedInWindow);
      out.put("top_statements", statements);
    }
    out.put("error_samples", load.errorSamples());
    return out;
  }

  /** Database transactions per second with no returns moving (the partners' polling and the sampler). */
  Map<String, Object> idle(int seconds) {
    drain(180);
    Map<String, Object> out = new LinkedHashMap<>();
    long c0 = db == null ? 0 : db.commits(database);
    Probe.Snapshot cpu0 = probe.snapshot();
    long t0 = System.nanoTime();
    sleep(seconds * 1000L);
    Probe.Snapshot cpu1 = probe.snapshot();
    if (db != null) {
      long c1 = db.commits(database);
      out.put("db_commits_per_s_idle", (c1 - c0) / ((System.nanoTime() - t0) / 1e9));
    }
    out.put("cpu_idle", Probe.between(cpu0, cpu1));
    return out;
  }

  /**
   * createdAt and refund.refundedAt (epoch ms) of the given returns: the search API finds the closed and refunded
   * ones (its summaries carry no refund), each one's refund is then read from the return itself.
   */
  private Map<String, long[]> collect(Set<String> wanted) {
    Map<String, long[]> out = new HashMap<>();
    for (String status : List.of("CLOSED", "REFUNDED")) {
      for (int page = 0; page < 10_000 && out.size() < wanted.size(); page++) {
        Api.Response response = api.get("carl", "/api/returns?status=" + status + "&size=200&page=" + page);
        if (response.status() != 200) {
          break;
        }
        List<?> items = (List<?>) Json.at(response.json(), "items");
        for (Object item : items) {
          String rma = Json.str(item, "rmaNumber");
          if (!wanted.contains(rma)) {
            continue;
          }
          Api.Response detail = api.get("carl", "/api/returns/" + rma);
          String refundedAt = detail.status() == 200 ? Json.str(detail.json(), "refund", "refundedAt") : null;
          out.put(rma, new long[]{Instant.parse(Json.str(item, "createdAt")).toEpochMilli(),
              refundedAt == null ? 0 : Instant.parse(refundedAt).toEpochMilli()});
        }
        if (items.size() < 200) {
          break;
        }
      }
    }
    return out;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
