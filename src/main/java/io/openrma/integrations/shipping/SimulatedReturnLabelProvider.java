package io.openrma.integrations.shipping;

import java.util.List;
import java.util.Locale;

import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for ShipStation when no API key is configured: a label with a made-up tracking number
 * and a real small PDF. Two address lines steer the demo: one containing "INVALID" is refused (the
 * "Fix return address" path), one containing "OUTAGE" meets a carrier outage for its first three
 * attempts (retries, then an incident an admin retries in Cockpit).
 */
public class SimulatedReturnLabelProvider implements ReturnLabelProvider {

  private static final Logger log = LoggerFactory.getLogger(SimulatedReturnLabelProvider.class);
  private static final int OUTAGE_ATTEMPTS = 3;

  private final java.util.Map<String, Integer> outageAttempts = new java.util.concurrent.ConcurrentHashMap<>();
  private final SimulatedLatency latency;

  public SimulatedReturnLabelProvider() {
    this(SimulatedLatency.NONE);
  }

  /** With {@code latency} before every answer ({@code openrma.simulation.latency}). */
  public SimulatedReturnLabelProvider(SimulatedLatency latency) {
    this.latency = latency;
  }
  @Override
  public ReturnLabel createReturnLabel(LabelRequest request) {
    latency.await();
    if (request.shipFrom().line1().toUpperCase(Locale.ROOT).contains("OUTAGE")
        && outageAttempts.merge(request.idempotencyKey(), 1, Integer::sum) <= OUTAGE_ATTEMPTS) {
      log.warn("SIMULATED ShipStation: outage for {}", request.rmaNumber());
      throw new IllegalStateException("ShipStation answered 503 Service Unavailable (simulated outage)");
    }
    if (request.shipFrom().line1().toUpperCase(Locale.ROOT).contains("INVALID")) {
      log.warn("SIMULATED ShipStation: refusing the address of {} (contains INVALID)", request.rmaNumber());
      throw new InvalidAddressException("Address validation failed: the carrier cannot find the street (simulated)");
    }
    String digits = String.format("%012d", Math.abs((long) request.idempotencyKey().hashCode()) % 1_000_000_000_000L);
    String tracking = "SIM" + digits;
    String labelId = "se-sim-" + digits.substring(4);
    log.warn("SIMULATED ShipStation: return label {} for {} (no real label was bought)", tracking, request.rmaNumber());
    byte[] pdf = SimplePdf.page(List.of("OpenRMA RETURN LABEL (SIMULATED)", "RMA: " + request.rmaNumber(),
        "Carrier: FedEx Ground", "Tracking: " + tracking, "From: " + request.shipFrom().city() + ", "
            + request.shipFrom().country(),
        "Not a valid shipping label."));
    return new ReturnLabel(labelId, "fedex", "fedex_ground", tracking,
        "https://labels.invalid/simulated/" + labelId + ".pdf", pdf);
  }

  @Override
  public VoidResult voidLabel(String labelId) {
    log.warn("SIMULATED ShipStation: label {} voided (nothing was bought)", labelId);
    return new VoidResult(true, null, "simulated");
  }
}
