package io.openrma.integrations.helpdesk;

import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the chosen helpdesk (Zendesk or Gorgias) when it has no credentials: logs what it would have done,
 * under the helpdesk's name, so the timeline and incidents read as they would live.
 */
public class SimulatedHelpdesk implements Helpdesk {

  private static final Logger log = LoggerFactory.getLogger(SimulatedHelpdesk.class);

  private final String name;
  private final SimulatedLatency latency;

  public SimulatedHelpdesk() {
    this(ZendeskHelpdesk.SYSTEM, SimulatedLatency.NONE);
  }

  /** For {@code name} ("Zendesk", "Gorgias"), with {@code latency} before every answer ({@code openrma.simulation.latency}). */
  public SimulatedHelpdesk(String name, SimulatedLatency latency) {
    this.name = name;
    this.latency = latency;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String attachLabel(Ticket ticket, String fileName, byte[] pdf, String comment) {
    latency.await();
    log.warn("SIMULATED {}: ticket {} would get {} ({} bytes) for {}", name, ticket.id(), fileName, pdf.length,
        ticket.rmaNumber());
    return ticket.id();
  }

  @Override
  public String updateTracking(Ticket ticket, String carrier, String trackingNumber) {
    latency.await();
    log.warn("SIMULATED {}: ticket {} would get tracking {} {} for {}", name, ticket.id(), carrier, trackingNumber,
        ticket.rmaNumber());
    return ticket.id();
  }
}
