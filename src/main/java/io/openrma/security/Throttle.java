package io.openrma.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events counted per key in a window: after {@code maxEvents} events within {@code window} the key is refused
 * for {@code refusal} (then counting starts over). {@link LoginThrottle} counts wrong passwords per user and
 * address with it; the customer portal counts order lookups per address and per order number.
 *
 * <p>In memory, per node: a cluster of N nodes allows N times the events, and a restart forgets them. At
 * most {@code maxEntries} keys are kept; when full, expired keys go first, then the one whose last event is
 * oldest. Time comes from the given {@link Clock}, so tests move it.
 *
 * @param <K> what is counted, e.g. a (user, address) pair
 */
public final class Throttle<K> {

  private final int maxEvents;
  private final Duration window;
  private final Duration refusal;
  private final int maxEntries;
  private final Clock clock;
  private final Map<K, Events> events = new ConcurrentHashMap<>();

  public Throttle(int maxEvents, Duration window, Duration refusal, int maxEntries, Clock clock) {
    this.maxEvents = maxEvents;
    this.window = window;
    this.refusal = refusal;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** How long {@code key} must still wait; empty: it may go ahead now. */
  public Optional<Duration> refusedFor(K key) {
    Events entry = events.get(key);
    Instant now = clock.instant();
    if (entry == null || entry.refusedUntil() == null || !entry.refusedUntil().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, entry.refusedUntil()));
  }

  /**
   * One event for {@code key}.
   *
   * @return true when this event reached the limit, so the key is refused from now on (for a log line)
   */
  public boolean record(K key) {
    Instant now = clock.instant();
    if (!events.containsKey(key) && events.size() >= maxEntries) {
      makeRoom(now);
    }
    Events updated = events.compute(key, (k, entry) -> {
      if (entry == null || entry.isOver(now, window)) {
        entry = new Events(now, 0, null, now);
      }
      int count = entry.count() + 1;
      Instant refusedUntil = count >= maxEvents ? now.plus(refusal) : null;
      return new Events(entry.windowStart(), count, refusedUntil, now);
    });
    return updated.count() == maxEvents;
  }

  /** Forgets the key: it starts over. */
  public void reset(K key) {
    events.remove(key);
  }

  /** Keys kept at the moment. */
  public int size() {
    return events.size();
  }

  private synchronized void makeRoom(Instant now) {
    events.entrySet().removeIf(e -> e.getValue().isOver(now, window));
    while (events.size() >= maxEntries) {
      events.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastEvent()))
          .ifPresent(oldest -> events.remove(oldest.getKey(), oldest.getValue()));
    }
  }

  /** Events since {@code windowStart}; {@code refusedUntil} once there were too many. */
  private record Events(Instant windowStart, int count, Instant refusedUntil, Instant lastEvent) {

    /** A refusal that ended, or a window without refusal that passed: the key starts over. */
    boolean isOver(Instant now, Duration window) {
      return refusedUntil != null ? !refusedUntil.isAfter(now) : !windowStart.plus(window).isAfter(now);
    }
  }
}
