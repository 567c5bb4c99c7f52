package benchdriver;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Sends requests at a fixed rate whatever the answers take (an open loop): each request has an
 * intended start time and its latency is measured from then, so a slow server cannot hide its
 * queueing by slowing the load down. More than {@code maxOutstanding} requests in flight count as
 * skipped: the server no longer keeps up.
 */
final class OpenLoop implements Runnable {

  private final String name;
  private final ExecutorService workers;
  private final LongConsumer request;
  private final int maxOutstanding;
  private final AtomicInteger outstanding = new AtomicInteger();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();
  private volatile double rate;
  private volatile long epoch;
  private volatile boolean stopped;

  OpenLoop(String name, ExecutorService workers, int maxOutstanding, LongConsumer request) {
    this.name = name;
    this.workers = workers;
    this.maxOutstanding = maxOutstanding;
    this.request = request;
  }

  OpenLoop start() {
    Thread thread = new Thread(this, "open-loop-" + name);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  void rate(double perSecond) {
    this.rate = perSecond;
    this.epoch++;
    LockSupport.unpark(null);
  }

  double rate() {
    return rate;
  }

  int outstanding() {
    return outstanding.get();
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    long seenEpoch = -1;
    long next = System.nanoTime();
    while (!stopped) {
      double r = rate;
      if (epoch != seenEpoch) {
        seenEpoch = epoch;
        next = System.nanoTime();
      }
      if (r <= 0) {
        LockSupport.parkNanos(20_000_000L);
        continue;
      }
      long now = System.nanoTime();
      if (now < next) {
        LockSupport.parkNanos(Math.min(next - now, 20_000_000L));
        continue;
      }
      long intended = next;
      next += (long) (1e9 / r);
      if (outstanding.get() >= maxOutstanding) {
        skipped.incrementAndGet();
        continue;
      }
      outstanding.incrementAndGet();
      sent.incrementAndGet();
      workers.execute(() -> {
        try {
          request.accept(intended);
        } finally {
          outstanding.decrementAndGet();
        }
      });
    }
  }
}
