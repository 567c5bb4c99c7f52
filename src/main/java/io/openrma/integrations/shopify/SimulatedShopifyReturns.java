package io.openrma.integrations.shopify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the returns of a Shopify store when none is connected: keeps its returns in memory with ids
 * like {@code gid://shopify/Return/sim-1}, one per order and RMA number, so a retried {@link #open} answers the
 * same return. Statuses move as Shopify's do (REQUESTED, OPEN, CLOSED, DECLINED, CANCELED) and it refuses what
 * Shopify would refuse, such as approving a declined return; a refund is at once {@code SUCCEEDED}. It knows no
 * orders: {@link #payment} reports no limit of its own, only the refunds it made.
 */
public class SimulatedShopifyReturns implements ShopifyReturns {

  private static final Logger log = LoggerFactory.getLogger(SimulatedShopifyReturns.class);
  private static final String PREFIX = "gid://shopify/";

  private final SimulatedLatency latency;
  private final Map<String, AtomicInteger> counters = new LinkedHashMap<>();
  private final Map<String, SimulatedReturn> returns = new LinkedHashMap<>();
  private final Map<String, OrderPayment> payments = new LinkedHashMap<>();

  public SimulatedShopifyReturns() {
    this(SimulatedLatency.NONE);
  }

  /** With {@code latency} before every answer ({@code openrma.simulation.latency}). */
  public SimulatedShopifyReturns(SimulatedLatency latency) {
    this.latency = latency;
    log.warn("Shopify returns: SIMULATED (no return is mirrored in a store; connect Shopify for live)");
  }

  @Override
  public synchronized String open(OpenReturn command, boolean approved) {
    latency.await();
    for (SimulatedReturn existing : returns.values()) {
      if (existing.orderId.equals(command.orderId()) && existing.rmaNumber.equals(command.rmaNumber())) {
        return existing.id;
      }
    }
    SimulatedReturn opened = new SimulatedReturn(id("Return"), command.orderId(), command.rmaNumber(),
        approved ? "OPEN" : "REQUESTED");
    returns.put(opened.id, opened);
    log.warn("SIMULATED Shopify: return {} for {} on order {} ({})", opened.id, command.rmaNumber(),
        command.orderId(), opened.status);
    return opened.id;
  }

  @Override
  public synchronized void approve(String returnId) {
    latency.await();
    SimulatedReturn found = find(returnId, "returnApproveRequest");
    switch (found.status) {
      case "REQUESTED" -> found.status = "OPEN";
      case "OPEN", "CLOSED" -> {
        // approved before
      }
      default -> throw refused("returnApproveRequest", "Return is " + found.status + " and cannot be approved.");
    }
  }

  @Override
  public synchronized void decline(String returnId, String declineReason, String note) {
    latency.await();
    SimulatedReturn found = find(returnId, "returnDeclineRequest");
    switch (found.status) {
      case "REQUESTED" -> found.status = "DECLINED";
      case "DECLINED" -> {
        // declined before
      }
      default -> throw refused("returnDeclineRequest", "Return is " + found.status + " and cannot be declined.");
    }
  }

  @Override
  public synchronized void cancel(String returnId, String note) {
    latency.await();
    SimulatedReturn found = find(returnId, "returnCancel");
    switch (found.status) {
      case "REQUESTED" -> found.status = "DECLINED";
      case "OPEN" -> found.status = "CANCELED";
      default -> {
        // CANCELED, DECLINED, CLOSED: nothing left to cancel
      }
    }
  }

  @Override
  public synchronized String addReverseDelivery(String returnId, List<String> lineItemIds, Shipment shipment) {
    latency.await();
    SimulatedReturn found = find(returnId, "reverseDeliveryCreateWithShipping");
    if (!"OPEN".equals(found.status)) {
      throw refused("reverseDeliveryCreateWithShipping", "Return is " + found.status + ", not open.");
    }
    return found.deliveries.computeIfAbsent(shipment.trackingNumber(), tracking -> id("ReverseDelivery"));
  }

  @Override
  public synchronized Processed process(String returnId, List<LineDisposition> dispositions, Refund refund) {
    latency.await();
    SimulatedReturn found = find(returnId, "returnProcess");
    if (found.processed) {
      return found.refundId == null ? new Processed(null, null) : new Processed(found.refundId, "SUCCEEDED");
    }
    if (!"OPEN".equals(found.status)) {
      throw refused("returnProcess", "Return is " + found.status + ", not open.");
    }
    found.processed = true;
    if (refund == null) {
      return new Processed(null, null);
    }
    found.refundId = id("Refund");
    payments.merge(found.orderId, new OrderPayment(refund.currency(), Long.MAX_VALUE, refund.amount()),
        (a, b) -> new OrderPayment(a.currency(), a.received(), a.refunded() + b.refunded()));
    log.warn("SIMULATED Shopify: refund {} of {} {} for {} (no money moved)", found.refundId, refund.amount(),
        refund.currency(), found.rmaNumber);
    return new Processed(found.refundId, "SUCCEEDED");
  }

  @Override
  public synchronized void close(String returnId) {
    latency.await();
    SimulatedReturn found = find(returnId, "returnClose");
    if ("DECLINED".equals(found.status) || "CANCELED".equals(found.status)) {
      throw refused("returnClose", "Return is " + found.status + " and cannot be closed.");
    }
    found.status = "CLOSED";
  }

  @Override
  public synchronized OrderPayment payment(String orderId) {
    latency.await();
    return payments.getOrDefault(orderId, new OrderPayment(null, Long.MAX_VALUE, 0));
  }

  /** The simulated return's status, for tests and the demo. */
  public synchronized String status(String returnId) {
    SimulatedReturn found = returns.get(returnId);
    return found == null ? null : found.status;
  }

  private SimulatedReturn find(String returnId, String mutation) {
    SimulatedReturn found = returns.get(returnId);
    if (found == null) {
      throw refused(mutation, "Return does not exist.");
    }
    return found;
  }

  private String id(String type) {
    return PREFIX + type + "/sim-" + counters.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
  }

  private static ShopifyRefusedException refused(String mutation, String message) {
    return new ShopifyRefusedException(mutation, List.of(message + " (simulated)"));
  }

  private static final class SimulatedReturn {
    private final String id;
    private final String orderId;
    private final String rmaNumber;
    private final Map<String, String> deliveries = new LinkedHashMap<>();
    private String status;
    private boolean processed;
    private String refundId;

    private SimulatedReturn(String id, String orderId, String rmaNumber, String status) {
      this.id = id;
      this.orderId = orderId;
      this.rmaNumber = rmaNumber;
      this.status = status;
    }
  }
}
