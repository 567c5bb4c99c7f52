package io.openrma.integrations.helpdesk;

import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for Zendesk when no API token is configured: logs what it would have done. */
public class SimulatedHelpdesk implements Helpdesk {

  private static final Logger log = LoggerFactory.getLogger(SimulatedHelpdesk.class);

  private final SimulatedLatency latency;

  public SimulatedHelpdesk() {
    this(SimulatedLatency.NONE);
  }

  /** With {@code latency} before every answer ({@code openrma.simulation.latency}). */
  public SimulatedHelpdesk(SimulatedLatency latency) {
    this.latency = latency;
  }

  @Override
  public void attachLabel(String ticketId, String rmaNumber, String fileName, byte[] pdf, String comment) {
    latency.await();
    log.warn("SIMULATED Zendesk: ticket {} would get {} ({} bytes) for {}", ticketId, fileName, pdf.length, rmaNumber);
  }

  @Override
  public void updateTracking(String ticketId, String rmaNumber, String carrier, String trackingNumber) {
    latency.await();
    log.warn("SIMULATED Zendesk: ticket {} would get tracking {} {} for {}", ticketId, carrier, trackingNumber,
        rmaNumber);
  }
}
