package benchdriver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Items 3 and 5: many returns waiting, made by the bench profile's seeding endpoint (real process
 * instances started before the waiting step); arrival scans correlated with 1k to 1M returns waiting,
 * and Tasklist's query of a group with 100k open tasks.
 */
final class Waiting {

  private final Api api;
  private final Db db;
  private final String database;
  private final Probe probe;
  private final ConcurrentLinkedDeque<String> waitingForArrival = new ConcurrentLinkedDeque<>();

  Waiting(Api api, Db db, String database, Probe probe) {
    this.api = api;
    this.db = db;
    this.database = database;
    this.probe = probe;
  }

  /** Creates {@code count} returns waiting at {@code step}, in batches on two connections; returns their RMA numbers. */
  List<String> seed(String step, long count) {
    List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong remaining = new AtomicLong(count);
    ExecutorService seeders = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 2; i++) {
      futures.add(seeders.submit(() -> {
        while (true) {
          long batch = Math.min(500, remaining.getAndAdd(-500));
          if (batch <= 0) {
            return;
          }
          Api.Response response = api.post("admin", "/api/bench/waiting-returns",
              "{\"count\":" + batch + ",\"step\":\"" + step + "\"}");
          if (response.status() != 200) {
            throw new IllegalStateException("seeding failed: " + response.status() + " " + response.body());
          }
          for (Object rma : (List<?>) Json.at(response.json(), "rmaNumbers")) {
            all.add(rma.toString());
          }
          long done = count - Math.max(0, remaining.get());
          if (done % 20_000 < 500) {
            System.err.printf("[driver] seeded %d of %d at %s (%.0f/s)%n", all.size(), count, step,
                all.size() / ((System.nanoTime() - start) / 1e9));
          }
        }
      }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      seeders.shutdown();
    }
    return all;
  }

  long waitingCount() {
    // the returns waiting for their arrival scan: status IN_TRANSIT
    return (long) Double
        .parseDouble(Json.str(api.get("admin", "/api/returns?status=IN_TRANSIT&size=1").json(), "total"));
  }

  /**
   * For each size: tops the waiting returns up to size + scans, measures the maximum rate of arrival
   * scans with {@code clients} concurrent scanners, then p50/p99 at a fixed rate (the same for every
   * size), so the sizes compare.
   */
  Map<String, Object> correlation(List<Long> sizes, int maxScans, int fixedScans, int clients, double fixedRate) {
    List<Map<String, Object>> levels = new ArrayList<>();
    double rate = fixedRate;
    for (long size : sizes) {
      long target = size + maxScans + fixedScans;
      long have = waitingForArrival.size();
      if (have < target) {
        long t0 = System.nanoTime();
        waitingForArrival.addAll(seed("ItemArrivedAtWarehouse", target - have));
        System.err.printf("[driver] %d returns wait for their arrival scan (seeding took %.0f s)%n",
            waitingForArrival.size(), (System.nanoTime() - t0) / 1e9);
      }
      if (db != null) {
        // fresh planner statistics after the bulk insert, as autovacuum's analyze would soon have them
        db.run(database, "ANALYZE");
      }
      Map<String, Object> level = new LinkedHashMap<>();
      level.put("waiting", waitingForArrival.size());
      level.put("waiting_in_database", waitingCount());
      // warm-up: 200 scans
      closedLoop(200, clients);
      if (db != null) {
        db.resetStatements();
      }
      Probe.Snapshot cpu0 = probe.snapshot();
      Map<String, Object> max = closedLoop(maxScans, clients);
      Probe.Snapshot cpu1 = probe.snapshot();
      max.put("cpu", Probe.between(cpu0, cpu1));
      level.put("max", max);
      if (rate <= 0) {
        rate = Math.max(5, Math.floor(0.5 * (double) max.get("scans_per_s")));
      }
      Map<String, Object> fixed = fixedRate(fixedScans, rate);
      level.put("fixed_rate", fixed);
      level.put("waiting_after", waitingForArrival.size());
      if (db != null) {
        level.put("top_statements", db.topStatements(database, 12));
      }
      System.err.printf(
          "[driver] correlation with %d waiting: max %.0f scans/s (p99 %.1f ms); at %.0f/s p50 %.1f ms p99 %.1f ms%n",
          size, (double) max.get("scans_per_s"), (double) ((Map<?, ?>) max.get("latency")).get("p99_ms"), rate,
          (double) ((Map<?, ?>) fixed.get("latency")).get("p50_ms"),
          (double) ((Map<?, ?>) fixed.get("latency")).get("p99_ms"));
      levels.add(level);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clients", clients);
    out.put("fixed_rate_per_s", rate);
    out.put("levels", levels);
    if (db != null && !waitingForArrival.isEmpty()) {
      out.put("plans", plans(waitingForArrival.peekLast()));
    }
    return out;
  }

  private boolean scan(Latencies latencies, long intended) {
    String rma = waitingForArrival.pollFirst();
    if (rma == null) {
      return false;
    }
    String body = "{\"scanId\":\"SCAN-%s\",\"rmaNumber\":\"%s\",\"scannedAt\":\"%s\",\"location\":\"DOCK-2\"}"
        .formatted(rma, rma, Instant.now());
    Api.Response response = api.post("walt", "/api/warehouse/arrivals", body);
    if (response.status() != 200 || !response.body().contains("\"DELIVERED\"")) {
      latencies.error();
      System.err.println("[driver] scan " + rma + ": " + response.status() + " " + response.body());
      return true;
    }
    latencies.add(System.nanoTime() - intended);
    return true;
  }

  private Map<String, Object> closedLoop(int scans, int clients) {
    Latencies latencies = new Latencies();
    AtomicLong remaining = new AtomicLong(scans);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        while (remaining.decrementAndGet() >= 0) {
          if (!scan(latencies, System.nanoTime())) {
            return;
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scans_per_s", latencies.count() / seconds);
    out.put("latency", latencies.summary());
    return out;
  }

  private Map<String, Object> fixedRate(int scans, double rate) {
    Latencies latencies = new Latencies();
    ExecutorService workers = Executors.newFixedThreadPool(32);
    AtomicLong done = new AtomicLong();
    OpenLoop loop = new OpenLoop("scan", workers, 64, intended -> {
      scan(latencies, intended);
      done.incrementAndGet();
    });
    loop.start();
    long start = System.nanoTime();
    loop.rate(rate);
    while (loop.sent.get() < scans) {
      Throughput.sleep(10);
    }
    loop.rate(0);
    loop.stop();
    while (done.get() < loop.sent.get()) {
      Throughput.sleep(10);
    }
    workers.shutdown();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offered_per_s", rate);
    out.put("achieved_per_s", latencies.count() / ((System.nanoTime() - start) / 1e9));
    out.put("skipped", loop.skipped.get());
    out.put("latency", latencies.summary());
    return out;
  }

  /** The plans of the statements an arrival scan runs, for one waiting return. */
  private Map<String, Object> plans(String rma) {
    Map<String, Object> plans = new LinkedHashMap<>();
    plans.put("rma_number", rma);
    Explain.correlation(rma).forEach((name, sql) -> plans.put(name, db.explain(database, sql)));
    return plans;
  }

  // ------------------------------------------------------------------------------------------ task list

  /**
   * Tops the warehouse's open tasks up to {@code openTasks}, then runs what Tasklist runs when walt
   * opens his group's filter: the first page of 15 (hal+json, which carries the count) and the count
   * alone, one after the other.
   */
  Map<String, Object> taskList(long openTasks, int iterations) {
    long open = taskCount();
    if (open < openTasks) {
      long t0 = System.nanoTime();
      seed("InspectReturnedItems", openTasks - open);
      System.err.printf("[driver] seeded tasks in %.0f s%n", (System.nanoTime() - t0) / 1e9);
      open = taskCount();
      if (db != null) {
        db.run(database, "ANALYZE");
      }
    }
    String filterId = null;
    for (Object filter : (List<?>) api.get("walt", "/engine-rest/filter?resourceType=Task").json()) {
      if (Json.str(filter, "name").contains("Warehouse")) {
        filterId = Json.str(filter, "id");
      }
    }
    if (filterId == null) {
      throw new IllegalStateException("walt sees no warehouse filter");
    }
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    Latencies page = new Latencies();
    Latencies count = new Latencies();
    Latencies plainPage = new Latencies();
    if (db != null) {
      db.resetStatements();
    }
    long countSeen = -1;
    for (int i = 0; i < iterations + 10; i++) {
      Api.Response p = api.post("walt", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", body,
          "application/hal+json");
      Api.Response c = api.get("walt", "/engine-rest/filter/" + filterId + "/count");
      Api.Response j = api.post("walt", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", body);
      if (p.status() != 200 || c.status() != 200 || j.status() != 200) {
        throw new IllegalStateException("task query failed: page " + p.status() + " " + p.body() + ", count "
            + c.status() + " " + c.body() + ", plain page " + j.status());
      }
      if (i >= 10) {
        page.add(p.nanos());
        count.add(c.nanos());
        plainPage.add(j.nanos());
      }
      countSeen = (long) Double.parseDouble(Json.str(c.json(), "count"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("open_tasks_for_group", open);
    out.put("count_seen_by_walt", countSeen);
    out.put("first_page_hal_with_count", page.summary());
    out.put("count", count.summary());
    out.put("first_page_json", plainPage.summary());
    if (db != null) {
      out.put("top_statements", db.topStatements(database, 8));
    }
    System.err.printf("[driver] task list with %d open: page p50 %.1f p99 %.1f ms, count p50 %.1f p99 %.1f ms%n", open,
        page.percentile(50), page.percentile(99), count.percentile(50), count.percentile(99));
    return out;
  }

  private long taskCount() {
    return (long) Double.parseDouble(Json.str(api.get("admin", "/engine-rest/task/count?candidateGroup=warehouse")
        .json(), "count"));
  }
}
