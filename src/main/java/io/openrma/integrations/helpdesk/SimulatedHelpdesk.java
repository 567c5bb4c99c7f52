package io.openrma.integrations.helpdesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for Zendesk when no API token is configured: logs what it would have done. */
public class SimulatedHelpdesk implements Helpdesk {

  private static final Logger log = LoggerFactory.getLogger(SimulatedHelpdesk.class);

  @Override
  public void attachLabel(String ticketId, String rmaNumber, String fileName, byte[] pdf, String comment) {
    log.warn("SIMULATED Zendesk: ticket {} would get {} ({} bytes) for {}", ticketId, fileName, pdf.length, rmaNumber);
  }

  @Override
  public void updateTracking(String ticketId, String rmaNumber, String carrier, String trackingNumber) {
    log.warn("SIMULATED Zendesk: ticket {} would get tracking {} {} for {}", ticketId, carrier, trackingNumber, rmaNumber);
  }
}
