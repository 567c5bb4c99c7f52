package benchdriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare-engine baseline (bench/baseline): the same search for the highest flat rate as {@link Throughput},
 * on Camunda alone, so that OpenRMA's rate can be read as a share of it.
 *
 * <p>Over REST ({@link RestLoad}) the partners drive the engine's REST API as they drive OpenRMA: carl starts
 * instances at a fixed rate with a business key, shipbot searches every 250 ms for instances waiting for the
 * pick-up and correlates the message, walt searches every 250 ms for those waiting for the arrival, correlates,
 * then finds the task as Tasklist does (candidate group and business key), claims and completes it. In process
 * ({@link InProcessLoad}) the baseline application does the same through the Java API, and this driver only
 * sets its rate (through a file the application reads every second) and measures.
 *
 * <p>What is watched comes from the database on a connection of the driver's own, once a second: instances
 * started and ended (ACT_HI_PROCINST), executable jobs, incidents. <em>Completed</em> = instances whose end
 * time lies in the measured window.
 */
final class Baseline {

  static final String KEY = "baseline-lifecycle";

  /** What drives the instances: the rate, and what went wrong. */
  interface Load {
    void rate(double perSecond);

    long errors();

    long skipped();

    int inFlightRequests();

    Map<String, Object> latencySummary();

    void resetLatencies();

    List<String> errorSamples();

    void stop();
  }

  record Sample(long nanos, long started, long ended, long jobs, long incidents) {
    long inFlight() {
      return started - ended;
    }
  }

  private static final String SAMPLE_SQL = """
      SELECT (SELECT count(*) FROM act_hi_procinst),
             (SELECT count(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL),
             (SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1
                AND (duedate_ IS NULL OR duedate_ <= localtimestamp)),
             (SELECT count(*) FROM act_ru_incident)""";

  private final Load load;
  private final Db db;
  private final String database;
  private final Probe probe;
  private final List<Sample> samples = new ArrayList<>();
  private volatile boolean sampling = true;

  Baseline(Load load, Db db, String database, Probe probe) {
    if (db == null) {
      throw new IllegalArgumentException("the baseline is measured on PostgreSQL only (--pg)");
    }
    this.load = load;
    this.db = db;
    this.database = database;
    this.probe = probe;
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
          System.err.println("[driver] baseline sampler: " + e);
          Throughput.sleep(1000);
        }
      }
    }, "baseline-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  Sample sample() {
    long[] r = db.row(database, SAMPLE_SQL);
    return new Sample(System.nanoTime(), r[0], r[1], r[2], r[3]);
  }

  void stop() {
    sampling = false;
    load.stop();
  }

  private List<Sample> samplesBetween(long from, long to) {
    synchronized (samples) {
      return samples.stream().filter(s -> s.nanos() >= from && s.nanos() <= to).toList();
    }
  }

  /** Offers {@code rate} instances/s for {@code seconds}; judges the second half, as {@link Throughput#step}. */
  Map<String, Object> step(double rate, int seconds) {
    long skipped0 = load.skipped();
    long errors0 = load.errors();
    long start = System.nanoTime();
    load.rate(rate);
    Throughput.sleep(seconds * 1000L);
    long end = System.nanoTime();
    List<Sample> half = samplesBetween(start + (end - start) / 2, end);
    long skipped = load.skipped() - skipped0;
    long errors = load.errors() - errors0;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offered_per_s", rate);
    if (half.size() < 3) {
      out.put("sustainable", false);
      out.put("verdict", "too few samples");
      return out;
    }
    Sample first = half.get(0);
    Sample last = half.get(half.size() - 1);
    double secs = (last.nanos() - first.nanos()) / 1e9;
    double startedRate = (last.started() - first.started()) / secs;
    double endedRate = (last.ended() - first.ended()) / secs;
    double slope = slope(half, Sample::inFlight);
    String reason;
    if (skipped > 0) {
      reason = "starts queue up (" + skipped + " skipped)";
    } else if (errors > 0) {
      reason = errors + " failed calls";
    } else if (last.incidents() > 0) {
      reason = last.incidents() + " incidents";
    } else if (endedRate < 0.95 * startedRate || startedRate < 0.9 * rate) {
      reason = "instances end slower than they are started";
    } else if (slope > 1.0 + 0.05 * rate) {
      reason = "in-flight instances grow";
    } else {
      reason = "flat";
    }
    boolean ok = reason.equals("flat");
    out.put("sustainable", ok);
    out.put("started_per_s", startedRate);
    out.put("ended_per_s", endedRate);
    out.put("in_flight_slope_per_s", slope);
    out.put("in_flight_at_end", last.inFlight());
    out.put("executable_jobs_at_end", last.jobs());
    out.put("skipped_starts", skipped);
    out.put("errors", errors);
    out.put("verdict", reason);
    System.err.printf("[driver] baseline step %.1f/s: started %.1f/s ended %.1f/s, in-flight slope %.2f/s, "
        + "in flight %d, jobs %d: %s%n", rate, startedRate, endedRate, slope, last.inFlight(), last.jobs(), reason);
    return out;
  }

  private static double slope(List<Sample> samples, java.util.function.ToLongFunction<Sample> y) {
    double n = samples.size();
    double t0 = samples.get(0).nanos();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (Sample s : samples) {
      double x = (s.nanos() - t0) / 1e9;
      double v = y.applyAsLong(s);
      sx += x;
      sy += v;
      sxx += x * x;
      sxy += x * v;
    }
    double d = n * sxx - sx * sx;
    return d == 0 ? 0 : (n * sxy - sx * sy) / d;
  }

  void warmUp(double rate, int seconds) {
    System.err.printf("[driver] baseline JVM warm-up: %.1f instances/s for %d s%n", rate, seconds);
    load.rate(rate);
    Throughput.sleep(seconds * 1000L);
    drain(180);
  }

  /** Stops starting and waits until every instance has ended and no job is due (at most {@code maxSeconds}). */
  boolean drain(int maxSeconds) {
    load.rate(0);
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    long lastEnded = -1;
    int unchanged = 0;
    while (System.nanoTime() < deadline) {
      try {
        Sample s = sample();
        if (s.inFlight() == 0 && s.jobs() == 0 && load.inFlightRequests() == 0) {
          return true;
        }
        unchanged = s.jobs() == 0 && load.inFlightRequests() == 0 && s.ended() == lastEnded ? unchanged + 1 : 0;
        lastEnded = s.ended();
        if (unchanged >= 10) {
          System.err.println("[driver] baseline drain: settled with " + s.inFlight() + " instances not ended, "
              + s.incidents() + " incidents");
          return false;
        }
      } catch (RuntimeException e) {
        System.err.println("[driver] baseline drain: " + e);
      }
      Throughput.sleep(1000);
    }
    return false;
  }

  /** The highest rate the bare engine carries flat ({@link RateSearch}). */
  Map<String, Object> search(double startRate, int stepSeconds, double maxRate) {
    return RateSearch.search(startRate, maxRate, rate -> step(rate, stepSeconds), () -> drain(180));
  }

  /** Holds {@code rate} for warm-up plus {@code seconds}; measures the window after the warm-up. */
  Map<String, Object> measure(double rate, int warmupSeconds, int seconds) {
    drain(180);
    load.rate(rate);
    Throughput.sleep(warmupSeconds * 1000L);
    load.resetLatencies();
    long skipped0 = load.skipped();
    long errors0 = load.errors();
    Probe.Snapshot cpu0 = probe.snapshot();
    long commits0 = db.commits(database);
    db.resetStatements();
    Timestamp from = Timestamp.valueOf(LocalDateTime.now());
    long t0 = System.nanoTime();
    Throughput.sleep(seconds * 1000L);
    long t1 = System.nanoTime();
    Timestamp to = Timestamp.valueOf(LocalDateTime.now());
    long commits1 = db.commits(database);
    Probe.Snapshot cpu1 = probe.snapshot();
    List<Map<String, Object>> statements = db.topStatements(database, 15);
    Map<String, Object> callLatency = load.latencySummary();
    long skipped = load.skipped() - skipped0;
    long errors = load.errors() - errors0;
    List<Sample> window = samplesBetween(t0, t1);
    load.rate(0);
    boolean drained = drain(300);

    double windowSeconds = (t1 - t0) / 1e9;
    long completed = db.row(database,
        "SELECT count(*) FROM act_hi_procinst WHERE end_time_ >= ? AND end_time_ < ?", from, to)[0];
    // start -> end of the instances started in the window (the partners' reaction included)
    long[] durations = db.row(database, """
        SELECT count(*), count(end_time_),
               coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_)), 0),
               coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_)), 0)
        FROM act_hi_procinst WHERE start_time_ >= ? AND start_time_ < ?""", from, to);
    double completedPerSecond = completed / windowSeconds;
    Map<String, Object> cpu = new LinkedHashMap<>(Probe.between(cpu0, cpu1));
    cpu.put("app_cores", cpu.remove("openrma_cores"));
    double appAndDb = (double) cpu.get("app_cores") + (double) cpu.get("postgres_cores");
    long commits = commits1 - commits0;

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offered_per_s", rate);
    out.put("window_seconds", windowSeconds);
    out.put("warmup_seconds", warmupSeconds);
    out.put("started_in_window", durations[0]);
    out.put("completed_in_window", completed);
    out.put("completed_per_s", completedPerSecond);
    out.put("unfinished", durations[0] - durations[1]);
    out.put("drained_after", drained);
    out.put("skipped_starts", skipped);
    out.put("errors", errors);
    out.put("start_to_end", Map.of("p50_ms", durations[2], "p99_ms", durations[3]));
    if (!window.isEmpty()) {
      out.put("in_flight", Map.of("first", window.get(0).inFlight(), "last", window.get(window.size() - 1).inFlight(),
          "max", window.stream().mapToLong(Sample::inFlight).max().orElse(0),
          "slope_per_s", window.size() >= 3 ? slope(window, Sample::inFlight) : 0.0));
      out.put("executable_jobs_max", window.stream().mapToLong(Sample::jobs).max().orElse(0));
      out.put("incidents_at_end", window.get(window.size() - 1).incidents());
    }
    out.put("cpu", cpu);
    out.put("cpu_ms_per_completed", completedPerSecond == 0 ? null : appAndDb * 1000 / completedPerSecond);
    out.put("db_commits", commits);
    out.put("db_commits_per_s", commits / windowSeconds);
    out.put("db_transactions_per_completed", completed == 0 ? null : commits / (double) completed);
    out.put("calls", callLatency);
    out.put("top_statements", statements);
    out.put("error_samples", load.errorSamples());
    System.err.printf("[driver] baseline measured at %.0f/s: %.1f instances/s completed, %.1f CPU ms each%n", rate,
        completedPerSecond, completedPerSecond == 0 ? 0 : appAndDb * 1000 / completedPerSecond);
    return out;
  }

  // ------------------------------------------------------------------------------------------ over REST

  /** The partners over the engine's REST API, Basic authentication and keep-alive as {@link Api} does. */
  static final class RestLoad implements Load {

    private final Api api;
    private final int pollMs;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService workers = Executors.newFixedThreadPool(160, r -> {
      Thread t = new Thread(r, "baseline-worker");
      t.setDaemon(true);
      return t;
    });
    private final OpenLoop starts;
    private final Set<String> pickupSent = ConcurrentHashMap.newKeySet();
    private final Set<String> arrivalSent = ConcurrentHashMap.newKeySet();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong reacting = new AtomicLong();
    private volatile Map<String, Latencies> latencies = newLatencies();
    private volatile boolean polling = true;

    RestLoad(Api api, int pollMs) {
      this.api = api;
      this.pollMs = pollMs;
      this.starts = new OpenLoop("baseline-start", workers, 400, this::start).start();
      poller("carrier", "shipbot", "WaitPickedUp", pickupSent, this::pickUp);
      poller("warehouse", "walt", "WaitArrived", arrivalSent, this::arrive);
    }

    private static Map<String, Latencies> newLatencies() {
      Map<String, Latencies> map = new LinkedHashMap<>();
      for (String kind : List.of("start", "poll", "pickup", "arrival", "task_find", "task_claim", "task_complete")) {
        map.put(kind, new Latencies());
      }
      return map;
    }

    @Override
    public void rate(double perSecond) {
      starts.rate(perSecond);
    }

    @Override
    public long errors() {
      return errors.get();
    }

    @Override
    public long skipped() {
      return starts.skipped.get();
    }

    @Override
    public int inFlightRequests() {
      return starts.outstanding() + (int) reacting.get();
    }

    @Override
    public Map<String, Object> latencySummary() {
      Map<String, Object> out = new LinkedHashMap<>();
      latencies.forEach((kind, l) -> {
        if (l.count() > 0 || l.errors() > 0) {
          out.put(kind, l.summary());
        }
      });
      return out;
    }

    @Override
    public void resetLatencies() {
      latencies = newLatencies();
    }

    @Override
    public List<String> errorSamples() {
      synchronized (errorSamples) {
        return List.copyOf(errorSamples);
      }
    }

    @Override
    public void stop() {
      polling = false;
      starts.stop();
      workers.shutdownNow();
    }

    /** carl: POST /process-definition/key/{key}/start with a business key. */
    private void start(long intended) {
      String businessKey = "B" + runId + "x" + sequence.incrementAndGet();
      Api.Response response = api.post("carl", "/engine-rest/process-definition/key/" + KEY + "/start",
          "{\"businessKey\":\"" + businessKey + "\"}");
      if (response.status() != 200) {
        fail("start", response);
        return;
      }
      latencies.get("start").add(System.nanoTime() - intended);
    }

    private interface Reaction {
      void react(String businessKey);
    }

    private void poller(String name, String user, String activityId, Set<String> sent, Reaction reaction) {
      Thread thread = new Thread(() -> {
        while (polling) {
          long start = System.nanoTime();
          try {
            for (int page = 0; page < 50 && polling; page++) {
              Api.Response response = api.get(user, "/engine-rest/process-instance?processDefinitionKey=" + KEY
                  + "&activityIdIn=" + activityId + "&firstResult=" + page * 200 + "&maxResults=200");
              if (response.status() != 200) {
                fail("poll", response);
                break;
              }
              latencies.get("poll").add(response.nanos());
              List<?> items = (List<?>) response.json();
              for (Object item : items) {
                String businessKey = Json.str(item, "businessKey");
                if (businessKey != null && sent.add(businessKey)) {
                  reacting.incrementAndGet();
                  workers.execute(() -> {
                    try {
                      reaction.react(businessKey);
                    } finally {
                      reacting.decrementAndGet();
                    }
                  });
                }
              }
              if (items.size() < 200) {
                break;
              }
            }
          } catch (RuntimeException e) {
            errors.incrementAndGet();
            sample(name + " poller: " + e);
          }
          long sleep = pollMs - (System.nanoTime() - start) / 1_000_000;
          if (sleep > 0) {
            try {
              Thread.sleep(sleep);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }, "baseline-poller-" + name);
      thread.setDaemon(true);
      thread.start();
    }

    private boolean correlate(String user, String message, String businessKey, String kind) {
      Api.Response response = api.post(user, "/engine-rest/message",
          "{\"messageName\":\"" + message + "\",\"businessKey\":\"" + businessKey + "\"}");
      if (response.status() != 204) {
        fail(kind, response);
        return false;
      }
      latencies.get(kind).add(response.nanos());
      return true;
    }

    private void pickUp(String businessKey) {
      if (!correlate("shipbot", "ItemPickedUp", businessKey, "pickup")) {
        pickupSent.remove(businessKey);
      }
    }

    /** walt: the arrival, then the task as Tasklist finds it (candidate group, business key), claimed and completed. */
    private void arrive(String businessKey) {
      if (!correlate("walt", "ItemArrived", businessKey, "arrival")) {
        arrivalSent.remove(businessKey);
        return;
      }
      Api.Response found = api.get("walt", "/engine-rest/task?candidateGroup=warehouse&processInstanceBusinessKey="
          + businessKey);
      if (found.status() != 200) {
        fail("task_find", found);
        return;
      }
      latencies.get("task_find").add(found.nanos());
      String taskId = Json.str(found.json(), 0, "id");
      if (taskId == null) {
        fail("task_find", new Api.Response(404, "no task for " + businessKey, 0));
        return;
      }
      Api.Response claimed = api.post("walt", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"walt\"}");
      if (claimed.status() != 204) {
        fail("task_claim", claimed);
        return;
      }
      latencies.get("task_claim").add(claimed.nanos());
      Api.Response completed = api.post("walt", "/engine-rest/task/" + taskId + "/complete", "{}");
      if (completed.status() != 204) {
        fail("task_complete", completed);
        return;
      }
      latencies.get("task_complete").add(completed.nanos());
    }

    private void fail(String kind, Api.Response response) {
      latencies.get(kind).error();
      errors.incrementAndGet();
      sample(kind + " " + response.status() + ": "
          + response.body().substring(0, Math.min(300, response.body().length())));
    }

    private void sample(String text) {
      synchronized (errorSamples) {
        if (errorSamples.size() < 20) {
          errorSamples.add(text);
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------ in process

  /**
   * The baseline application's own driver (benchbaseline.InProcessDriver): this side writes the rate to
   * the file the application reads every second and reads "started errors skipped" from {@code <file>.status}.
   */
  static final class InProcessLoad implements Load {

    private final Path rateFile;
    private final Path statusFile;

    InProcessLoad(String rateFile) {
      this.rateFile = Path.of(rateFile);
      this.statusFile = Path.of(rateFile + ".status");
      rate(0);
    }

    @Override
    public void rate(double perSecond) {
      try {
        Path tmp = Path.of(rateFile + ".tmp");
        Files.writeString(tmp, perSecond + "\n");
        Files.move(tmp, rateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot write " + rateFile, e);
      }
      // the application reads the file once a second
      Throughput.sleep(1100);
    }

    private long status(int field) {
      try {
        return Long.parseLong(Files.readString(statusFile).trim().split("\\s+")[field]);
      } catch (java.io.IOException | RuntimeException e) {
        return 0;
      }
    }

    @Override
    public long errors() {
      return status(1);
    }

    @Override
    public long skipped() {
      return status(2);
    }

    @Override
    public int inFlightRequests() {
      return 0;
    }

    @Override
    public Map<String, Object> latencySummary() {
      return Map.of();
    }

    @Override
    public void resetLatencies() {
    }

    @Override
    public List<String> errorSamples() {
      return List.of(); // the application logs its first 20 errors
    }

    @Override
    public void stop() {
      rate(0);
    }
  }
}
