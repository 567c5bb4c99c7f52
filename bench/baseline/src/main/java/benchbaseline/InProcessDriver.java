package benchbaseline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The in-process variant of the baseline: the same load as the REST driver (bench/src/benchdriver/Baseline.java)
 * through the engine's Java API, so no HTTP is in it. Starts instances at {@code baseline.in-process.rate} per
 * second (an open loop: a start that is due is due, however long the last one took) as carl; every
 * {@code poll-ms} looks for instances waiting for the pick-up (as shipbot) and for the arrival (as walt) and
 * correlates each; walt then finds the inspection by candidate group and business key, claims and completes it.
 * Each call runs as that user with its group, so authorization is checked as over REST when it is on.
 *
 * <p>With {@code rate-file} set, the number in that file (read every second) is the rate, and
 * {@code <rate-file>.status} gets "started errors skipped" every second: that is how bench/run's driver runs its
 * rate search on this variant without restarting the application.
 */
@Component
public class InProcessDriver {

  private static final Logger log = LoggerFactory.getLogger(InProcessDriver.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final double initialRate;
  private final String rateFile;
  private final long pollMs;
  private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  private final ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
    Thread t = new Thread(r, "in-process-worker");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final Set<String> pickupSent = ConcurrentHashMap.newKeySet();
  private final Set<String> arrivalSent = ConcurrentHashMap.newKeySet();
  private volatile double rate;

  public InProcessDriver(RuntimeService runtime, TaskService tasks, IdentityService identity,
      @Value("${baseline.in-process.rate:0}") double rate, @Value("${baseline.in-process.rate-file:}") String rateFile,
      @Value("${baseline.in-process.poll-ms:250}") long pollMs) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.initialRate = rate;
    this.rateFile = rateFile;
    this.pollMs = pollMs;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    if (initialRate <= 0 && rateFile.isBlank()) {
      return;
    }
    rate = initialRate;
    log.info("In-process driver: {} instances/s{}", rate, rateFile.isBlank() ? "" : ", steered by " + rateFile);
    daemon("in-process-rate", this::steer);
    daemon("in-process-starts", this::startLoop);
    daemon("in-process-carrier", () -> poll("shipbot", "integrations", "WaitPickedUp", pickupSent, this::pickUp));
    daemon("in-process-warehouse", () -> poll("walt", "warehouse", "WaitArrived", arrivalSent, this::arrive));
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Reads the rate file and writes the status file, once a second. */
  private void steer() {
    while (true) {
      if (!rateFile.isBlank()) {
        try {
          Path file = Path.of(rateFile);
          if (Files.exists(file)) {
            rate = Double.parseDouble(Files.readString(file).trim());
          }
          Files.writeString(Path.of(rateFile + ".status"), started.get() + " " + errors.get() + " " + skipped.get()
              + "\n");
        } catch (Exception e) {
          log.warn("rate file {}: {}", rateFile, e.toString());
        }
      }
      sleep(1000);
    }
  }

  private void startLoop() {
    long next = System.nanoTime();
    double current = -1;
    while (true) {
      double r = rate;
      if (r != current) {
        current = r;
        next = System.nanoTime();
      }
      if (r <= 0) {
        sleep(20);
        continue;
      }
      long now = System.nanoTime();
      if (now < next) {
        LockSupport.parkNanos(Math.min(next - now, 20_000_000L));
        continue;
      }
      next += (long) (1e9 / r);
      if (outstanding.get() >= 400) {
        skipped.incrementAndGet();
        continue;
      }
      outstanding.incrementAndGet();
      workers.execute(() -> {
        try {
          as("carl", "customer-service", () -> runtime.startProcessInstanceByKey(BaselineApplication.PROCESS_KEY,
              "B" + runId + "x" + sequence.incrementAndGet()));
          started.incrementAndGet();
        } catch (RuntimeException e) {
          error("start", e);
        } finally {
          outstanding.decrementAndGet();
        }
      });
    }
  }

  private interface Reaction {
    void react(String businessKey);
  }

  private void poll(String user, String group, String activityId, Set<String> sent, Reaction reaction) {
    while (true) {
      long start = System.nanoTime();
      try {
        for (int page = 0; page < 50; page++) {
          int first = page * 200;
          List<ProcessInstance> waiting = as(user, group, () -> runtime.createProcessInstanceQuery()
              .processDefinitionKey(BaselineApplication.PROCESS_KEY).activityIdIn(activityId).listPage(first, 200));
          for (ProcessInstance instance : waiting) {
            String key = instance.getBusinessKey();
            if (sent.add(key)) {
              workers.execute(() -> {
                try {
                  reaction.react(key);
                } catch (RuntimeException e) {
                  sent.remove(key);
                  error(activityId, e);
                }
              });
            }
          }
          if (waiting.size() < 200) {
            break;
          }
        }
      } catch (RuntimeException e) {
        error("poll " + activityId, e);
      }
      long rest = pollMs - (System.nanoTime() - start) / 1_000_000;
      if (rest > 0) {
        sleep(rest);
      }
    }
  }

  private void pickUp(String businessKey) {
    as("shipbot", "integrations", () -> {
      runtime.createMessageCorrelation(BaselineApplication.PICKED_UP).processInstanceBusinessKey(businessKey)
          .correlate();
      return null;
    });
  }

  private void arrive(String businessKey) {
    as("walt", "warehouse", () -> {
      runtime.createMessageCorrelation(BaselineApplication.ARRIVED).processInstanceBusinessKey(businessKey)
          .correlate();
      // as Tasklist: the group's task of this instance, claimed, completed
      Task task = tasks.createTaskQuery().taskCandidateGroup("warehouse").processInstanceBusinessKey(businessKey)
          .singleResult();
      if (task == null) {
        throw new IllegalStateException("no task for " + businessKey);
      }
      tasks.claim(task.getId(), "walt");
      tasks.complete(task.getId());
      return null;
    });
  }

  private <T> T as(String user, String group, java.util.function.Supplier<T> call) {
    identity.setAuthentication(user, List.of(group));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void error(String what, RuntimeException e) {
    if (errors.incrementAndGet() <= 20) {
      log.warn("in-process {}: {}", what, e.toString());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
