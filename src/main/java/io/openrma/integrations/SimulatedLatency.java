package io.openrma.integrations;

import java.time.Duration;

/**
 * The pause a simulator makes before it answers ({@link SimulationSettings#latency()}): the calling
 * thread waits as it would for a remote system, holding what it holds (its job, its transaction).
 */
public final class SimulatedLatency {

  public static final SimulatedLatency NONE = new SimulatedLatency(Duration.ZERO);

  private final long nanos;

  public SimulatedLatency(Duration latency) {
    this.nanos = latency.toNanos();
  }

  public void await() {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the simulated system", e);
    }
  }

  public Duration duration() {
    return Duration.ofNanos(nanos);
  }
}
