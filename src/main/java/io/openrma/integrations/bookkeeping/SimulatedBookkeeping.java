package io.openrma.integrations.bookkeeping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.openrma.integrations.SimulatedLatency;
import io.openrma.policy.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for QuickBooks when it is not connected: nothing reaches the books, and every posting says so at
 * WARN. Like QuickBooks with a {@code requestid}, the same request id answers the same document.
 */
public class SimulatedBookkeeping implements Bookkeeping {

  private static final Logger log = LoggerFactory.getLogger(SimulatedBookkeeping.class);

  private final Map<String, Posted> posted = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(100);
  private final SimulatedLatency latency;

  public SimulatedBookkeeping() {
    this(SimulatedLatency.NONE);
  }

  public SimulatedBookkeeping(SimulatedLatency latency) {
    this.latency = latency;
  }

  @Override
  public Posted recordRefund(Entry entry) {
    return post("RefundReceipt", entry);
  }

  @Override
  public Posted recordStoreCredit(Entry entry) {
    return post("CreditMemo", entry);
  }

  private Posted post(String type, Entry entry) {
    latency.await();
    if (entry.sum() != entry.total()) {
      throw new IllegalStateException("The " + type + " of " + entry.rmaNumber() + " would total "
          + Money.format(entry.sum(), entry.currency()) + ", not the refunded "
          + Money.format(entry.total(), entry.currency()));
    }
    return posted.computeIfAbsent(entry.requestId(), key -> {
      Posted document = new Posted(type, "sim-" + ids.incrementAndGet(), entry.rmaNumber(), entry.total());
      log.warn("SIMULATED QuickBooks: {} {} of {} for {} (nothing was posted to the books)", type, document.id(),
          Money.format(entry.total(), entry.currency()), entry.rmaNumber());
      return document;
    });
  }
}
