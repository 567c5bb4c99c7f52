package benchdriver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Returns end to end through rma-lifecycle.bpmn, driven over the REST API the way people and
 * partners drive them:
 * <ul>
 *   <li>customer service (carl) creates returns at a fixed rate: POST /api/returns, with a Zendesk
 *       ticket and a Stripe subscription, so every integration step runs;</li>
 *   <li>the carrier integration (shipbot) learns of new labels by searching LABEL_ISSUED returns every
 *       {@code pollMs} and reports the pick-up once the label steps are done: POST /api/carrier/events;</li>
 *   <li>the warehouse (walt) searches IN_TRANSIT returns every {@code pollMs}, scans each parcel
 *       (POST /api/warehouse/arrivals) and inspects it at once in Tasklist's REST API: find the task,
 *       claim it, complete it with the graded lines.</li>
 * </ul>
 * The rest (policy, label, emails, Zendesk, subscription, refund calculation, Stripe refund, closing
 * email) is the job executor's.
 */
final class ReturnsLoad {

  static final String CREATE = "create";
  static final String PICKUP = "carrier_event";
  static final String ARRIVAL = "arrival_scan";
  static final String TASK_FIND = "task_find";
  static final String TASK_CLAIM = "task_claim";
  static final String TASK_COMPLETE = "task_complete";
  static final String POLL = "poll_search";
  static final String GET = "get";
  static final String SEARCH = "search";

  private final Api api;
  private final int pollMs;
  private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  private final AtomicLong sequence = new AtomicLong();
  private final ExecutorService workers = Executors.newFixedThreadPool(160, daemon("worker"));
  final OpenLoop creates;
  final OpenLoop gets;
  final OpenLoop searches;
  private final Set<String> pickupSent = ConcurrentHashMap.newKeySet();
  private final Set<String> arrivalSent = ConcurrentHashMap.newKeySet();
  private final Map<String, String> emails = new ConcurrentHashMap<>();
  private final Map<String, String> skus = new ConcurrentHashMap<>();
  /** When the carrier first saw a return's label (nanoTime): it asks for the return's details from then on. */
  private final Map<String, Long> labelSeen = new ConcurrentHashMap<>();
  private final List<String> created = Collections.synchronizedList(new ArrayList<>());
  private volatile Map<String, Latencies> latencies = newLatencies();
  final AtomicLong errors = new AtomicLong();
  private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean polling = true;

  ReturnsLoad(Api api, int pollMs) {
    this.api = api;
    this.pollMs = pollMs;
    this.creates = new OpenLoop("create", workers, 400, this::create).start();
    this.gets = new OpenLoop("get", workers, 100, this::get).start();
    this.searches = new OpenLoop("search", workers, 100, this::search).start();
    startPoller("carrier", "LABEL_ISSUED", this::pickedUp);
    startPoller("warehouse", "IN_TRANSIT", this::arrived);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static Map<String, Latencies> newLatencies() {
    Map<String, Latencies> map = new LinkedHashMap<>();
    for (String kind : List.of(CREATE, GET, SEARCH, ARRIVAL, PICKUP, TASK_FIND, TASK_CLAIM, TASK_COMPLETE, POLL)) {
      map.put(kind, new Latencies());
    }
    return map;
  }

  /** Starts new latency records (e.g. after the warm-up). */
  void resetLatencies() {
    latencies = newLatencies();
  }

  Map<String, Object> latencySummary() {
    Map<String, Object> out = new LinkedHashMap<>();
    latencies.forEach((kind, l) -> {
      if (l.count() > 0 || l.errors() > 0) {
        out.put(kind, l.summary());
      }
    });
    return out;
  }

  List<String> errorSamples() {
    synchronized (errorSamples) {
      return List.copyOf(errorSamples);
    }
  }

  int createdCount() {
    return created.size();
  }

  List<String> createdSince(int index) {
    synchronized (created) {
      return List.copyOf(created.subList(index, created.size()));
    }
  }

  int inFlightRequests() {
    return creates.outstanding() + gets.outstanding() + searches.outstanding();
  }

  void stop() {
    polling = false;
    creates.stop();
    gets.stop();
    searches.stop();
    workers.shutdownNow();
  }

  // ------------------------------------------------------------------------------------------ customer service

  private void create(long intended) {
    long n = sequence.incrementAndGet();
    String id = runId + "x" + n;
    LocalDate today = LocalDate.now();
    String email = "c" + id + "@customers.example";
    String body = """
        {"order":{"orderId":"SO-%1$s","orderDate":"%2$s","deliveryDate":"%3$s","currency":"EUR","amountCaptured":10490,\
        "shippingPaid":490,"paymentIntentId":"pi_bench%1$s","subscriptionId":"sub_bench%1$s"},\
        "customer":{"customerId":"C-%1$s","name":"Bench Customer","email":"%4$s",\
        "address":{"line1":"Hauptstr. 1","city":"Berlin","postalCode":"10115","country":"DE"}},\
        "ticketId":"T%1$s","resolution":"REFUND",\
        "lines":[{"sku":"SHIRT-%5$d","description":"Shirt","category":"APPAREL","quantityOrdered":1,"quantityReturned":1,\
        "unitPrice":10000,"tax":0,"reason":"DOES_NOT_FIT","condition":"NEW"}]}"""
        .formatted(id, today.minusDays(12), today.minusDays(9), email, n % 50);
    Api.Response response = api.post("carl", "/api/returns", body);
    if (response.status() != 201) {
      fail(CREATE, response);
      return;
    }
    record(CREATE, intended);
    String rma = Json.str(response.json(), "rmaNumber");
    created.add(rma);
    emails.put(rma, email);
    skus.put(rma, "SHIRT-" + (n % 50));
  }

  private void get(long intended) {
    String rma = randomCreated();
    if (rma == null) {
      return;
    }
    Api.Response response = api.get("carl", "/api/returns/" + rma);
    if (response.status() != 200) {
      fail(GET, response);
      return;
    }
    record(GET, intended);
  }

  private void search(long intended) {
    String rma = randomCreated();
    String email = rma == null ? null : emails.get(rma);
    if (email == null) {
      return;
    }
    Api.Response response = api.get("carl", "/api/returns?email=" + email);
    if (response.status() != 200) {
      fail(SEARCH, response);
      return;
    }
    record(SEARCH, intended);
  }

  private String randomCreated() {
    synchronized (created) {
      if (created.isEmpty()) {
        return null;
      }
      // the last 2000: returns customer service is working on
      int from = Math.max(0, created.size() - 2000);
      return created.get(ThreadLocalRandom.current().nextInt(from, created.size()));
    }
  }

  // ------------------------------------------------------------------------------------------ partners

  private interface Reaction {
    void react(String rma, Object item);
  }

  private void startPoller(String name, String status, Reaction reaction) {
    Thread thread = new Thread(() -> {
      while (polling) {
        long start = System.nanoTime();
        try {
          for (int page = 0; page < 50 && polling; page++) {
            Api.Response response = api.get("walt", "/api/returns?status=" + status + "&size=200&page=" + page);
            if (response.status() != 200) {
              fail(POLL, response);
              break;
            }
            latencies.get(POLL).add(response.nanos());
            List<?> items = (List<?>) Json.at(response.json(), "items");
            for (Object item : items) {
              String rma = Json.str(item, "rmaNumber");
              reaction.react(rma, item);
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
    }, "poller-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The carrier picks the parcel up once the return's label steps are done (the last of them cancels
   * the subscription). In reality that is hours later; reacting then keeps the benchmark from sending
   * every pick-up early, while a lagging system still gets early events, which the inbox keeps.
   */
  private void pickedUp(String rma, Object item) {
    // a search result is a summary (no subscription): the carrier reads the whole return once the label is a
    // moment old, and picks the parcel up once its subscription is cancelled too
    String tracking = Json.str(item, "trackingNumber");
    long seen = labelSeen.computeIfAbsent(rma, r -> System.nanoTime());
    if (tracking == null || pickupSent.contains(rma) || System.nanoTime() - seen < 500_000_000L) {
      return;
    }
    Api.Response detail = api.get("walt", "/api/returns/" + rma);
    if (detail.status() != 200 || !Boolean.TRUE.equals(Json.at(detail.json(), "subscriptionCancelled"))
        || !pickupSent.add(rma)) {
      return;
    }
    labelSeen.remove(rma);
    workers.execute(() -> {
      String body = "{\"eventId\":\"PU-%s\",\"trackingNumber\":\"%s\",\"type\":\"PICKED_UP\",\"occurredAt\":\"%s\"}"
          .formatted(rma, tracking, Instant.now());
      Api.Response response = api.post("shipbot", "/api/carrier/events", body);
      if (!response.ok()) {
        pickupSent.remove(rma);
        fail(PICKUP, response);
        return;
      }
      latencies.get(PICKUP).add(response.nanos());
    });
  }

  private void arrived(String rma, Object item) {
    if (!arrivalSent.add(rma)) {
      return;
    }
    workers.execute(() -> {
      String body = "{\"scanId\":\"SCAN-%s\",\"rmaNumber\":\"%s\",\"scannedAt\":\"%s\",\"location\":\"DOCK-1\"}"
          .formatted(rma, rma, Instant.now());
      Api.Response response = api.post("walt", "/api/warehouse/arrivals", body);
      if (!response.ok()) {
        arrivalSent.remove(rma);
        fail(ARRIVAL, response);
        return;
      }
      latencies.get(ARRIVAL).add(response.nanos());
      inspect(rma, skus.get(rma));
    });
  }

  /** walt opens the task in Tasklist, claims it and submits the graded line. */
  private void inspect(String rma, String sku) {
    Api.Response found = api.get("walt", "/engine-rest/task?processInstanceBusinessKey=" + rma
        + "&taskDefinitionKey=InspectReturnedItems");
    if (found.status() != 200) {
      fail(TASK_FIND, found);
      return;
    }
    latencies.get(TASK_FIND).add(found.nanos());
    String taskId = Json.str(found.json(), 0, "id");
    if (taskId == null) {
      arrivalSent.remove(rma); // not there yet: the next poll tries again
      return;
    }
    Api.Response claimed = api.post("walt", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"walt\"}");
    if (claimed.status() != 204) {
      fail(TASK_CLAIM, claimed);
      return;
    }
    latencies.get(TASK_CLAIM).add(claimed.nanos());
    String lines = "[{\"lineNo\":1,\"sku\":\"%s\",\"quantityReceived\":1,\"condition\":\"NEW\",\"disposition\":\"RESTOCK\",\"notes\":\"\"}]"
        .formatted(sku);
    String body = "{\"variables\":{\"inspectionLines\":{\"value\":" + Json.quote(lines) + ",\"type\":\"Json\"}}}";
    Api.Response completed = api.post("walt", "/engine-rest/task/" + taskId + "/complete", body);
    if (completed.status() != 204) {
      fail(TASK_COMPLETE, completed);
      return;
    }
    latencies.get(TASK_COMPLETE).add(completed.nanos());
  }

  // ------------------------------------------------------------------------------------------ bookkeeping

  private void record(String kind, long intended) {
    latencies.get(kind).add(System.nanoTime() - intended);
  }

  private void fail(String kind, Api.Response response) {
    latencies.get(kind).error();
    errors.incrementAndGet();
    sample(
        kind + " " + response.status() + ": " + response.body().substring(0, Math.min(300, response.body().length())));
  }

  private void sample(String text) {
    synchronized (errorSamples) {
      if (errorSamples.size() < 20) {
        errorSamples.add(text);
      }
    }
  }
}
